//! Zip containers (XLSX, XLSB, DOCX, ODS): what they hold, and a guard against decompression
//! bombs that checks both the sizes the archive declares and the bytes it actually inflates.

use super::Limits;
use super::sniff::{Kind, Sheet};
use crate::{ImportError, ImportResult, Watch};
use std::io::{Cursor, Read};
use zip::ZipArchive;

const MB: u64 = 1024 * 1024;
/// Office files have dozens of entries; thousands mean a hostile or broken file.
const MAX_ENTRIES: usize = 10_000;

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

fn open<'a>(bytes: &'a [u8], format: &'static str) -> ImportResult<Zip<'a>> {
    let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| malformed(format, e))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ImportError::Malformed {
            format,
            detail: format!(
                "it holds {} parts, far more than any office file.",
                zip.len()
            ),
        });
    }
    Ok(zip)
}

fn malformed(format: &'static str, error: impl std::fmt::Display) -> ImportError {
    ImportError::Malformed {
        format,
        detail: format!("the zip container is damaged ({error})."),
    }
}

/// The office format a zip holds, after checking it unpacks within the limit. `None` for a
/// zip that is no format we read.
pub(super) fn classify(
    bytes: &[u8],
    format: &'static str,
    limits: &Limits,
    watch: &Watch,
) -> ImportResult<Option<Kind>> {
    let mut zip = open(bytes, format)?;
    let has = |name: &str| zip.index_for_name(name).is_some();
    let kind = if has("word/document.xml") {
        Some(Kind::Docx)
    } else if has("xl/workbook.xml") {
        Some(Kind::Sheet(Sheet::Xlsx))
    } else if has("xl/workbook.bin") {
        Some(Kind::Sheet(Sheet::Xlsb))
    } else if has("content.xml") {
        let mimetype = read_entry(&mut zip, "mimetype", 1024, format)?.unwrap_or_default();
        mimetype
            .windows(11)
            .any(|w| w == b"spreadsheet")
            .then_some(Kind::Sheet(Sheet::Ods))
    } else {
        None
    };
    let format = kind.and_then(Kind::binary_name).unwrap_or(format);
    check_unpacked_size(&mut zip, format, limits.max_unpacked, watch)?;
    Ok(kind)
}

/// Refuses archives whose entries declare, or actually inflate to, more than `limit` bytes
/// in total. The declared sizes can lie, so every entry is also inflated into a sink with a
/// cap, before any parser sees it.
fn check_unpacked_size(
    zip: &mut Zip<'_>,
    format: &'static str,
    limit: u64,
    watch: &Watch,
) -> ImportResult<()> {
    let bomb = ImportError::Bomb {
        format,
        limit_mb: limit.div_ceil(MB),
    };
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| malformed(format, e))?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > limit {
        return Err(bomb);
    }
    let mut actual = 0u64;
    for i in 0..zip.len() {
        watch.check()?;
        let entry = zip.by_index(i).map_err(|e| malformed(format, e))?;
        let mut capped = entry.take(limit - actual + 1);
        actual +=
            std::io::copy(&mut capped, &mut std::io::sink()).map_err(|e| malformed(format, e))?;
        if actual > limit {
            return Err(bomb);
        }
    }
    Ok(())
}

/// One entry's bytes, at most `limit` of them (more is a bomb). `None` when it is missing.
pub(super) fn read_entry(
    zip: &mut Zip<'_>,
    name: &str,
    limit: u64,
    format: &'static str,
) -> ImportResult<Option<Vec<u8>>> {
    let Some(index) = zip.index_for_name(name) else {
        return Ok(None);
    };
    let entry = zip.by_index(index).map_err(|e| malformed(format, e))?;
    let mut bytes = Vec::new();
    entry
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| malformed(format, e))?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::Bomb {
            format,
            limit_mb: limit.div_ceil(MB),
        });
    }
    Ok(Some(bytes))
}

/// Opens a zip already classified and checked, to read one of its entries.
pub(super) fn entry(
    bytes: &[u8],
    name: &str,
    limits: &Limits,
    format: &'static str,
) -> ImportResult<Option<Vec<u8>>> {
    let mut zip = open(bytes, format)?;
    read_entry(&mut zip, name, limits.max_unpacked, format)
}
