//! The one rule for a signed DPA's attached document, the same for the window and the CLI:
//! a PDF, DOCX, ODT or DOC file of at most 50 MB whose content is what its name says (a
//! renamed program or script is refused).

use crate::{AppError, AppResult, FieldError};

/// A signed DPA is a few megabytes; anything far larger is not one.
pub const MAX_DOCUMENT_BYTES: u64 = 50 * 1024 * 1024;

const PDF: &[u8] = b"%PDF-";
const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn refused(message: String) -> AppError {
    AppError::Invalid(vec![FieldError::new("document", message)])
}

/// Refuses a file too large to be an agreement before it is read.
pub fn refuse_oversized_document(file_name: &str, size: u64) -> AppResult<()> {
    if size > MAX_DOCUMENT_BYTES {
        return Err(refused(format!(
            "“{file_name}” is {} MB; an agreement of up to {} MB can be attached.",
            size / 1024 / 1024,
            MAX_DOCUMENT_BYTES / 1024 / 1024
        )));
    }
    Ok(())
}

/// The media type the document is stored with, or why it cannot be attached.
pub fn accept_document(file_name: &str, content: &[u8]) -> AppResult<&'static str> {
    refuse_oversized_document(file_name, content.len() as u64)?;
    if content.is_empty() {
        return Err(refused(format!("“{file_name}” is empty.")));
    }
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    let (media_type, signature, kind) = match extension.as_str() {
        "pdf" => ("application/pdf", PDF, "PDF"),
        "docx" => (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ZIP,
            "DOCX",
        ),
        "odt" => ("application/vnd.oasis.opendocument.text", ZIP, "ODT"),
        "doc" => ("application/msword", OLE, "DOC"),
        _ => {
            return Err(refused(format!(
                "“{file_name}” is not a PDF, DOCX, ODT or DOC file."
            )));
        }
    };
    if !content.starts_with(signature) {
        return Err(refused(format!(
            "“{file_name}” is named a {kind} file but its content is something else."
        )));
    }
    Ok(media_type)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_judged_by_name_and_content() {
        assert_eq!(
            accept_document("Umowa.PDF", b"%PDF-1.7 ...").unwrap(),
            "application/pdf"
        );
        assert!(accept_document("dpa.docx", b"PK\x03\x04rest").is_ok());
        assert!(accept_document("dpa.doc", OLE).is_ok());
        for (name, content, says) in [
            ("setup.exe", &b"MZ\x90\x00"[..], "not a PDF"),
            ("dpa.pdf", b"MZ\x90\x00", "something else"),
            ("dpa.docx", b"<script>alert(1)</script>", "something else"),
            ("dpa.pdf", b"", "empty"),
            ("no extension", b"%PDF-1.4", "not a PDF"),
        ] {
            let err = accept_document(name, content).unwrap_err().to_string();
            assert!(err.contains(says), "{name}: {err}");
        }
        assert!(refuse_oversized_document("big.pdf", MAX_DOCUMENT_BYTES + 1).is_err());
        assert!(refuse_oversized_document("fine.pdf", MAX_DOCUMENT_BYTES).is_ok());
    }
}
