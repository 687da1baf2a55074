//! The organisation file, format `dpadesk-organisation` version 1 (docs/handover-format.md):
//! its JSON layout, writing it, and reading it with a message for each way a file can be
//! unfit (empty, cut off, not JSON, another format, a newer version, damaged fields).

use chrono::{DateTime, Utc};
use dpadesk_model::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub(super) const FORMAT: &str = "dpadesk-organisation";
pub(super) const VERSION: u64 = 1;

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct OrganisationFile {
    pub format: String,
    pub version: u64,
    pub organisation: Organisation,
    pub activities: Vec<Activity>,
    pub processor_records: Vec<ProcessorRecord>,
    pub vendors: Vec<Vendor>,
    pub dpas: Vec<DpaEntry>,
    pub subprocessor_lists: Vec<ListEntry>,
    pub measures: Vec<Measure>,
    pub tias: Vec<Tia>,
    pub history: Vec<HistoryEntry>,
}

/// A DPA record with, beside it, the signed document its `document` field describes.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DpaEntry {
    #[serde(flatten)]
    pub dpa: Dpa,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_file: Option<DocumentFile>,
}

/// A list version with, beside it, the page fetched for it when it came from the vendor's
/// published address (its `evidence`).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct ListEntry {
    #[serde(flatten)]
    pub list: SubprocessorList,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_file: Option<EvidenceFile>,
}

/// The fetched page: its bytes with the name and type the vault stored them under.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct EvidenceFile {
    pub file_name: String,
    pub media_type: String,
    #[serde(flatten)]
    pub stored: DocumentFile,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct DocumentFile {
    /// When the exporting vault stored the file.
    pub created_at: DateTime<Utc>,
    /// The bytes in standard base64 (RFC 4648, with padding).
    pub content_base64: String,
}

/// An audit entry without the exporting vault's sequence number: the receiving vault numbers
/// entries itself, and the list's order is the order of the changes.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct HistoryEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub entity: EntityKind,
    pub entity_id: Id,
    pub action: AuditAction,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl From<AuditEntry> for HistoryEntry {
    fn from(e: AuditEntry) -> Self {
        Self {
            at: e.at,
            actor: e.actor,
            entity: e.entity,
            entity_id: e.entity_id,
            action: e.action,
            before: e.before,
            after: e.after,
        }
    }
}

impl HistoryEntry {
    /// As the vault writes it; the vault gives it its own `seq`.
    pub fn to_audit(&self) -> AuditEntry {
        AuditEntry {
            seq: 0,
            at: self.at,
            actor: self.actor.clone(),
            entity: self.entity,
            entity_id: self.entity_id,
            action: self.action,
            before: self.before.clone(),
            after: self.after.clone(),
        }
    }
}

/// Pretty-printed JSON with a final newline: readable in a text editor, easy to compare.
pub(super) fn write(file: &OrganisationFile) -> Result<Vec<u8>, serde_json::Error> {
    let mut bytes = serde_json::to_vec_pretty(file)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The file, or why it cannot be read, in words for the user.
pub(super) fn read(bytes: &[u8]) -> Result<OrganisationFile, String> {
    // A text editor may have saved the file with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("The file is empty.".into());
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            "The file ends too early: it was cut off, perhaps while it was copied or \
             downloaded. Ask for the file again."
                .to_string()
        } else {
            format!("This is not a DPA Desk organisation file: it is not valid JSON ({e}).")
        }
    })?;
    match value.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(format!(
                "This is not a DPA Desk organisation file: its format is “{other}”, not “{FORMAT}”."
            ));
        }
        None => {
            return Err(format!(
                "This is not a DPA Desk organisation file: it does not name the “{FORMAT}” format."
            ));
        }
    }
    match value.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(newer) if newer > VERSION => {
            return Err(format!(
                "The file was written by a newer version of DPA Desk (organisation file \
                 version {newer}; this version reads version {VERSION}). Update DPA Desk and \
                 import it again."
            ));
        }
        _ => {
            return Err(format!(
                "The file's format version is missing or unknown (this version of DPA Desk \
                 reads version {VERSION})."
            ));
        }
    }
    serde_json::from_value(value).map_err(|e| format!("The file is damaged: {e}."))
}
