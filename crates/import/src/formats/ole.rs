//! Legacy XLS files are OLE compound files. calamine's own OLE reader follows a sector chain
//! that loops back on itself until memory runs out (a 5 KB file can ask for gigabytes), so
//! the structure is checked first by the `cfb` crate, which refuses loops and streams larger
//! than the file.

use std::io::Cursor;

/// Why the compound file cannot be trusted to calamine, if it cannot.
pub(super) fn check(bytes: &[u8]) -> Result<(), String> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let size = bytes.len() as u64;
    match file
        .walk()
        .find(|entry| entry.is_stream() && entry.len() > size)
    {
        Some(entry) => Err(format!(
            "its part \"{}\" claims to be larger than the whole file.",
            entry.name()
        )),
        None => Ok(()),
    }
}
