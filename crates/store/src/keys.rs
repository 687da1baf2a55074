//! Where a vault's key comes from. A vault is opened with a 256-bit raw SQLCipher key that
//! is either random and kept in the OS keychain, or derived from a passphrase with Argon2id.
//!
//! Both need something readable before the file is decrypted: the 16-byte salt SQLCipher
//! keeps in plain text at the start of the file. It salts the passphrase, and it names the
//! keychain entry, so no side file is needed and a copied vault still finds its key.

use crate::error::{Result, StoreError};
use crate::recovery::RecoveryCode;
use std::fmt;
use std::sync::Arc;
use zeroize::Zeroizing;

pub const SALT_LEN: usize = 16;
pub const KEY_LEN: usize = 32;
const KEYCHAIN_SERVICE: &str = "DPA Desk";

/// A place that keeps secrets by name: the OS keychain, or memory in tests.
pub trait SecretStore: Send + Sync + fmt::Debug {
    fn get(&self, account: &str) -> Result<Option<String>>;
    fn set(&self, account: &str, secret: &str) -> Result<()>;
    fn delete(&self, account: &str) -> Result<()>;
}

/// The OS keychain: Secret Service on Linux, Keychain on macOS, Credential Manager on Windows.
#[derive(Debug, Default, Clone, Copy)]
pub struct OsKeychain;

impl OsKeychain {
    fn entry(account: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(KEYCHAIN_SERVICE, account).map_err(keychain_error)
    }
}

fn keychain_error(e: keyring::Error) -> StoreError {
    StoreError::Keychain(e.to_string())
}

impl SecretStore for OsKeychain {
    fn get(&self, account: &str) -> Result<Option<String>> {
        match Self::entry(account)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(keychain_error(e)),
        }
    }

    fn set(&self, account: &str, secret: &str) -> Result<()> {
        Self::entry(account)?
            .set_password(secret)
            .map_err(keychain_error)
    }

    fn delete(&self, account: &str) -> Result<()> {
        match Self::entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(keychain_error(e)),
        }
    }
}

/// A keychain held in memory, built on keyring's mock store: for tests and previews.
#[derive(Debug)]
pub struct MemoryKeychain {
    store: Arc<keyring_core::mock::Store>,
}

impl MemoryKeychain {
    pub fn new() -> Self {
        Self {
            store: keyring_core::mock::Store::new().expect("the mock keychain store always builds"),
        }
    }

    fn with_entry<T>(
        &self,
        account: &str,
        f: impl FnOnce(&keyring_core::Entry) -> keyring_core::Result<T>,
    ) -> Result<T> {
        use keyring_core::api::CredentialStoreApi;
        let entry = self
            .store
            .build(KEYCHAIN_SERVICE, account, None)
            .map_err(|e| StoreError::Keychain(e.to_string()))?;
        f(&entry).map_err(|e| StoreError::Keychain(e.to_string()))
    }
}

impl Default for MemoryKeychain {
    fn default() -> Self {
        Self::new()
    }
}

impl SecretStore for MemoryKeychain {
    fn get(&self, account: &str) -> Result<Option<String>> {
        self.with_entry(account, |e| match e.get_password() {
            Ok(s) => Ok(Some(s)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(err) => Err(err),
        })
    }

    fn set(&self, account: &str, secret: &str) -> Result<()> {
        self.with_entry(account, |e| e.set_password(secret))
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.with_entry(account, |e| match e.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(err) => Err(err),
        })
    }
}

/// How the user unlocks a vault.
#[derive(Clone)]
pub enum KeySource {
    /// A random key kept in a keychain under the vault's salt.
    Keychain(Arc<dyn SecretStore>),
    /// A key derived from this passphrase.
    Passphrase(Zeroizing<String>),
    /// The vault's key itself, typed back from the recovery kit; it opens a vault but makes
    /// no new one.
    RecoveryCode(RecoveryCode),
}

impl fmt::Debug for KeySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Keychain(store) => f.debug_tuple("Keychain").field(store).finish(),
            Self::Passphrase(_) => f.write_str("Passphrase(…)"),
            Self::RecoveryCode(_) => f.write_str("RecoveryCode(…)"),
        }
    }
}

impl KeySource {
    pub fn passphrase(p: impl Into<String>) -> Self {
        Self::Passphrase(Zeroizing::new(p.into()))
    }

    pub fn os_keychain() -> Self {
        Self::Keychain(Arc::new(OsKeychain))
    }
}

/// The raw key and salt handed to SQLCipher.
pub(crate) struct VaultKey {
    key: Zeroizing<[u8; KEY_LEN]>,
    salt: [u8; SALT_LEN],
}

impl fmt::Debug for VaultKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VaultKey(…)")
    }
}

impl VaultKey {
    pub(crate) fn recovery_code(&self) -> RecoveryCode {
        RecoveryCode::from_key(&self.key)
    }

    /// The `PRAGMA key` value: a raw key with an explicit salt, so SQLCipher skips its own
    /// key derivation and writes our salt into the file header.
    pub(crate) fn pragma_value(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("\"{}\"", *self.raw_text()))
    }

    /// The key as SQLCipher reads a raw key with its salt (`x'…'`), e.g. for `ATTACH … KEY ?`.
    pub(crate) fn raw_text(&self) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "x'{}{}'",
            hex::encode_upper(*self.key),
            hex::encode_upper(self.salt)
        ))
    }
}

/// The name under which the keychain keeps the key of the vault at `path`, e.g. to remove
/// it when the vault itself is deleted.
pub fn keychain_account_of(path: &std::path::Path) -> Result<String> {
    Ok(keychain_account(&crate::vault::read_salt(path)?))
}

fn keychain_account(salt: &[u8; SALT_LEN]) -> String {
    format!("vault-{}", hex::encode(salt))
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::KeyUnavailable(format!("No secure random numbers: {e}")))?;
    Ok(bytes)
}

fn derive_from_passphrase(
    passphrase: &str,
    salt: &[u8; SALT_LEN],
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    if passphrase.is_empty() {
        return Err(StoreError::KeyUnavailable(
            "The passphrase is empty.".into(),
        ));
    }
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    argon2::Argon2::default()
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| StoreError::KeyUnavailable(format!("Could not derive the key: {e}")))?;
    Ok(key)
}

impl KeySource {
    /// Makes a new key with a new salt (and, for the keychain, stores it there): for a new
    /// vault, or for a vault whose key changes.
    pub(crate) fn new_key(&self) -> Result<VaultKey> {
        let salt = random::<SALT_LEN>()?;
        let key = match self {
            Self::Passphrase(p) => derive_from_passphrase(p, &salt)?,
            Self::Keychain(_) => Zeroizing::new(random::<KEY_LEN>()?),
            Self::RecoveryCode(_) => {
                return Err(StoreError::KeyUnavailable(
                    "A recovery code opens a vault; choose the keychain or a passphrase for the new key."
                        .into(),
                ));
            }
        };
        let made = VaultKey { key, salt };
        self.keep(&made)?;
        Ok(made)
    }

    /// Puts an existing key into the keychain, e.g. on a new computer after a recovery; a
    /// passphrase keeps nothing.
    pub(crate) fn keep(&self, key: &VaultKey) -> Result<()> {
        if let Self::Keychain(store) = self {
            store
                .set(&keychain_account(&key.salt), &hex::encode(*key.key))
                .map_err(|e| {
                    StoreError::KeyUnavailable(format!("{e} Use a passphrase instead."))
                })?;
        }
        Ok(())
    }

    /// Whether this is the OS keychain (or a stand-in for it).
    pub fn is_keychain(&self) -> bool {
        matches!(self, Self::Keychain(_))
    }

    /// Finds the key of an existing vault whose header holds `salt`.
    pub(crate) fn existing_key(&self, salt: [u8; SALT_LEN]) -> Result<VaultKey> {
        let key = match self {
            Self::Passphrase(p) => derive_from_passphrase(p, &salt)?,
            Self::Keychain(store) => {
                let stored = store.get(&keychain_account(&salt))?.ok_or_else(|| {
                    StoreError::KeyUnavailable(
                        "This computer's keychain holds no key for this vault. \
                         Open it with its passphrase, or with the recovery code of its recovery kit."
                            .into(),
                    )
                })?;
                let mut key = Zeroizing::new([0u8; KEY_LEN]);
                hex::decode_to_slice(stored.trim(), key.as_mut())
                    .map_err(|_| StoreError::WrongKey)?;
                key
            }
            Self::RecoveryCode(code) => Zeroizing::new(*code.key()),
        };
        Ok(VaultKey { key, salt })
    }

    /// Removes a keychain key that no vault uses any more: one made for a vault that could
    /// not be created after all, or the one a key change replaced.
    pub(crate) fn forget(&self, key: &VaultKey) {
        if let Self::Keychain(store) = self {
            // Best effort: the vault does not exist, so a stale entry only costs a line in the keychain.
            let _ = store.delete(&keychain_account(&key.salt));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keychain_key_round_trips_through_the_mock_store() {
        let source = KeySource::Keychain(Arc::new(MemoryKeychain::new()));
        let made = source.new_key().unwrap();
        let found = source.existing_key(made.salt).unwrap();
        assert_eq!(*made.key, *found.key);
        assert_eq!(made.pragma_value(), found.pragma_value());
    }

    #[test]
    fn keychain_without_entry_asks_for_passphrase() {
        let source = KeySource::Keychain(Arc::new(MemoryKeychain::new()));
        let err = source.existing_key([7; SALT_LEN]).err().unwrap();
        assert!(err.to_string().contains("passphrase"), "{err}");
    }

    #[test]
    fn passphrase_key_depends_on_passphrase_and_salt() {
        let a = KeySource::passphrase("correct horse")
            .existing_key([1; SALT_LEN])
            .unwrap();
        let b = KeySource::passphrase("correct horse")
            .existing_key([1; SALT_LEN])
            .unwrap();
        let c = KeySource::passphrase("correct horse")
            .existing_key([2; SALT_LEN])
            .unwrap();
        let d = KeySource::passphrase("wrong horse")
            .existing_key([1; SALT_LEN])
            .unwrap();
        assert_eq!(*a.key, *b.key);
        assert_ne!(*a.key, *c.key);
        assert_ne!(*a.key, *d.key);
        assert!(
            KeySource::passphrase("")
                .existing_key([1; SALT_LEN])
                .is_err()
        );
    }

    #[test]
    fn forgetting_removes_the_keychain_entry() {
        let store = Arc::new(MemoryKeychain::new());
        let source = KeySource::Keychain(store.clone());
        let key = source.new_key().unwrap();
        source.forget(&key);
        assert!(store.get(&keychain_account(&key.salt)).unwrap().is_none());
    }
}
