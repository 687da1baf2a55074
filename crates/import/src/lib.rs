//! Reads vendors' subprocessor lists: bytes in, rows with a confidence out.
//!
//! Two stages, each in its own module tree: `formats` turns the bytes of a file (or pasted
//! text) into a [`Document`] of tables and lines of text, whatever the format and encoding;
//! `extract` finds the subprocessors in that document, with `country` and `mechanism`
//! recognising what the rows say in many languages, and `catalogue` the well-known entities
//! that fill what a list leaves out. Nothing here touches a database, a clock
//! or the network.

pub mod catalogue;
pub mod country;
mod document;
mod error;
pub mod extract;
mod fold;
pub mod formats;
pub mod mechanism;
pub mod register;
mod row;
mod watch;

pub use document::{Block, Document, Format};
pub use error::{ImportError, ImportResult};
pub use fold::fold;
pub use row::{Field, ImportedRow};
pub use watch::Watch;

/// The largest input read: far above any real list, low enough to keep memory bounded.
pub const MAX_INPUT_BYTES: u64 = 200 * 1024 * 1024;

/// Refuses an input of `size` bytes before anyone reads it into memory.
pub fn check_size(size: u64) -> ImportResult<()> {
    formats::Limits::default().check_size(size)
}

/// Reads a file's bytes and extracts its subprocessor rows. `file_name` (if known) helps
/// recognise the format; the content decides when the two disagree.
pub fn import_bytes(
    bytes: &[u8],
    file_name: Option<&str>,
    watch: &Watch,
) -> ImportResult<Imported> {
    let document = formats::read(bytes, file_name, watch)?;
    watch.check()?;
    let extract::Extracted { rows, excluded } = extract::extract(&document);
    Ok(Imported {
        document,
        rows,
        excluded,
    })
}

/// Extracts the rows from text a user pasted into the window or piped into the CLI.
pub fn import_text(text: &str) -> Imported {
    let document = formats::text::read_str(text);
    let extract::Extracted { rows, excluded } = extract::extract(&document);
    Imported {
        document,
        rows,
        excluded,
    }
}

/// What an import produced: the document as read (for its format and warnings) and the rows.
#[derive(Debug, Clone)]
pub struct Imported {
    pub document: Document,
    pub rows: Vec<ImportedRow>,
    /// Entries of tables the document says are not subprocessors, left out.
    pub excluded: Vec<extract::Excluded>,
}
