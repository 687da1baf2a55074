//! The recovery code: the vault's raw key written for people, so that the vault file and this
//! code alone open the vault on a computer that never saw it (a new laptop, a reinstalled
//! system, a file restored from the user's own backup).
//!
//! The code *is* the key: a vault stays one file, with nothing beside it that a backup
//! could leave behind. It is written in Crockford's base32 (no I/L/O/U; case, dashes and
//! spaces ignored when typed back), with a two-byte check so that a typo is told apart from
//! a code that belongs to another vault.

use crate::error::{Result, StoreError};
use crate::keys::KEY_LEN;
use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroizing;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_LEN: usize = 2;
/// Characters per group when shown: 55 characters in 11 groups of 5.
const GROUP: usize = 5;

/// A vault's raw key, as the user keeps it on paper.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode(Zeroizing<[u8; KEY_LEN]>);

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(…)")
    }
}

impl RecoveryCode {
    pub(crate) fn from_key(key: &[u8; KEY_LEN]) -> Self {
        Self(Zeroizing::new(*key))
    }

    pub(crate) fn key(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The code in groups of five, e.g. `7K2QF-…`; the only way it is ever shown.
    pub fn display(&self) -> Zeroizing<String> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(KEY_LEN + CHECK_LEN));
        bytes.extend_from_slice(self.key());
        bytes.extend_from_slice(&check(self.key()));
        let plain = encode(&bytes);
        let mut out = Zeroizing::new(String::with_capacity(plain.len() + plain.len() / GROUP));
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && i % GROUP == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }

    /// Reads a code as the user typed it back.
    pub fn parse(typed: &str) -> Result<Self> {
        let bytes = decode(typed).ok_or_else(not_a_code)?;
        if bytes.len() != KEY_LEN + CHECK_LEN {
            return Err(not_a_code());
        }
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&bytes[..KEY_LEN]);
        if bytes[KEY_LEN..] != check(&key) {
            return Err(StoreError::KeyUnavailable(
                "The recovery code has a typing mistake: check each group against the recovery kit."
                    .into(),
            ));
        }
        Ok(Self(key))
    }
}

fn not_a_code() -> StoreError {
    StoreError::KeyUnavailable(
        "That is not a recovery code: it has 55 letters and digits in groups of five.".into(),
    )
}

fn check(key: &[u8; KEY_LEN]) -> [u8; CHECK_LEN] {
    let digest = Sha256::new_with_prefix(b"dpadesk recovery code")
        .chain_update(key)
        .finalize();
    [digest[0], digest[1]]
}

fn encode(bytes: &[u8]) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(bytes.len() * 8 / 5 + 1));
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
        buffer &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// The value of a typed character; Crockford's look-alikes (O, I, L) read as digits.
fn value(c: char) -> Option<u32> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET
        .iter()
        .position(|&a| a as char == c)
        .map(|p| p as u32)
}

fn decode(typed: &str) -> Option<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::with_capacity(KEY_LEN + CHECK_LEN));
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '\t' | '\n' | '\r'))
    {
        buffer = (buffer << 5) | value(c)?;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
        buffer &= (1 << bits) - 1;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> RecoveryCode {
        let mut key = [0u8; KEY_LEN];
        for (i, b) in key.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37).wrapping_add(11);
        }
        RecoveryCode::from_key(&key)
    }

    #[test]
    fn shown_code_reads_back_however_it_is_typed() {
        let code = code();
        let shown = code.display();
        assert_eq!(shown.len(), 55 + 10);
        assert_eq!(shown.split('-').count(), 11);
        assert_eq!(RecoveryCode::parse(&shown).unwrap(), code);
        let sloppy = shown.to_lowercase().replace('-', " ").replace('0', "o");
        assert_eq!(RecoveryCode::parse(&sloppy).unwrap(), code);
    }

    #[test]
    fn a_typo_is_told_apart_from_something_that_is_not_a_code() {
        let shown = code().display();
        let first = shown.chars().next().unwrap();
        let other = if first == 'A' { 'B' } else { 'A' };
        let typo: String = std::iter::once(other)
            .chain(shown.chars().skip(1))
            .collect();
        let err = RecoveryCode::parse(&typo).unwrap_err().to_string();
        assert!(err.contains("typing mistake"), "{err}");
        for bad in ["", "hello", "UUUUU", &shown[..20]] {
            let err = RecoveryCode::parse(bad).unwrap_err().to_string();
            assert!(err.contains("not a recovery code"), "{bad}: {err}");
        }
    }

    #[test]
    fn debug_never_shows_the_code() {
        assert_eq!(format!("{:?}", code()), "RecoveryCode(…)");
    }
}
