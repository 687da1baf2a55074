//! The files DPA Desk hands out, made from a register snapshot. Pure: a snapshot, a language
//! and the day of issue in, bytes out; no vault, clock or file system.
//!
//! - `snapshot`: what the app gathers for one organisation as of a day.
//! - `lang`: the six languages of every label and fixed text (`labels/<lang>/*.json`).
//! - `tabular`: the register as CSV and XLSX.
//! - `pdf`: page layout on printpdf; `register`, `risk`: the Art. 30 register and the
//!   transfer-risk report as PDFs; `letter`: an objection to a vendor's new subprocessors;
//!   `recovery_kit`: the page that keeps a vault's recovery code.

mod countries;
mod error;
mod lang;
mod letter;
mod pdf;
mod recovery_kit;
mod register;
mod risk;
mod snapshot;
mod tabular;
mod wording;

pub use error::ReportError;
pub use lang::{Labels, Lang};
pub use letter::{ObjectionLetter, objection_letter_pdf};
pub use recovery_kit::{RecoveryKit, recovery_kit_pdf};
pub use register::{processor_pdf, register_pdf};
pub use risk::finding_text::word_findings;
pub use risk::risk_pdf;
pub use snapshot::*;
pub use tabular::{ExportedActivity, ExportedRegister, read_back, register_csv, register_xlsx};
pub use wording::Words;
