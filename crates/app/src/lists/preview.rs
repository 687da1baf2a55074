//! A list read from a file or pasted text, before anything is stored: the rows the user
//! checks and corrects, each with its source text and the cells to look at twice.

use crate::AppResult;
use dpadesk_import::{Imported, Watch};
use dpadesk_model::{SubprocessorEntry, serde_name};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    /// Where the list came from: the file's name, or "pasted text"; saved with the version.
    pub source: String,
    /// The format the file was read as: csv, spreadsheet, html, pdf, docx, markdown, text.
    pub format: String,
    pub warnings: Vec<String>,
    /// SHA-256 of what was read, kept with the version to recognise a list seen before.
    pub content_hash: String,
    pub rows: Vec<PreviewRow>,
    /// Entries of tables the document itself says are not subprocessors: left out, shown.
    pub excluded: Vec<ExcludedRow>,
}

/// An entry the document lists but says is no subprocessor, with the words that say so.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ExcludedRow {
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct PreviewRow {
    pub entry: SubprocessorEntry,
    pub source: String,
    /// 0.0–1.0.
    pub confidence: f32,
    /// The fields (`name`, `country`, `mechanism`…) the preview highlights.
    pub uncertain: Vec<String>,
    /// The vendor whose list the row is on, when the file lists several vendors' rows.
    pub listed_for: String,
}

impl ImportPreview {
    /// The vendors whose rows the file lists, in order, when it names them per row.
    pub fn vendors_listed(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for row in &self.rows {
            if !row.listed_for.is_empty() && !out.contains(&row.listed_for) {
                out.push(row.listed_for.clone());
            }
        }
        out
    }

    /// Keeps the rows listed for `vendor` (as the file names it, or a name of the same
    /// company) where the file lists several vendors; `false` when none is listed for it.
    pub fn keep_listed_for(&mut self, vendor: &str) -> bool {
        if self.vendors_listed().len() < 2 {
            return true;
        }
        self.rows
            .retain(|r| super::same_entity(&r.listed_for, vendor) || r.listed_for == vendor);
        !self.rows.is_empty()
    }
}

/// Refuses a file too large to be a list before it is read into memory.
pub fn refuse_oversized(size: u64) -> AppResult<()> {
    Ok(dpadesk_import::check_size(size)?)
}

/// Reads a file's bytes. Needs no vault: the CLI's `--dry-run` calls it directly.
pub fn read_file(bytes: &[u8], file_name: Option<&str>, watch: &Watch) -> AppResult<ImportPreview> {
    let imported = dpadesk_import::import_bytes(bytes, file_name, watch)?;
    Ok(preview(
        imported,
        bytes,
        file_name.unwrap_or("unnamed file"),
    ))
}

pub fn read_text(text: &str) -> ImportPreview {
    preview(
        dpadesk_import::import_text(text),
        text.as_bytes(),
        "pasted text",
    )
}

fn preview(imported: Imported, content: &[u8], source: &str) -> ImportPreview {
    ImportPreview {
        source: source.to_string(),
        format: serde_name(&imported.document.format),
        warnings: imported.document.warnings,
        content_hash: hex::encode(Sha256::digest(content)),
        rows: imported
            .rows
            .into_iter()
            .map(|row| PreviewRow {
                entry: SubprocessorEntry {
                    name: row.name,
                    address: row.address,
                    country: row.country,
                    service: row.service,
                    processing_location: row.location,
                    mechanism: Some(row.mechanism),
                    certifications: row.certifications,
                    vendor_id: None,
                },
                source: row.source,
                confidence: row.confidence,
                uncertain: row.uncertain.iter().map(serde_name).collect(),
                listed_for: row.listed_for,
            })
            .collect(),
        excluded: imported
            .excluded
            .into_iter()
            .map(|e| ExcludedRow {
                name: e.name,
                reason: e.reason,
            })
            .collect(),
    }
}
