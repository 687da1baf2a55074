//! One subprocessor as found in a document, with how sure the extraction is of it.

use dpadesk_model::{CountryCode, TransferMechanism};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportedRow {
    pub name: String,
    pub address: String,
    /// From a country column, an address, a city, or a code; `None` when nothing says.
    pub country: Option<CountryCode>,
    pub service: String,
    /// Where the data are processed as the vendor says it ("EEA", "Frankfurt", "EU").
    pub location: String,
    pub mechanism: TransferMechanism,
    pub certifications: Vec<String>,
    /// The text the row was read from, shown beside the row in the preview.
    pub source: String,
    /// 0.0–1.0: how sure the extraction is that this is a subprocessor read correctly.
    pub confidence: f32,
    /// The cells the preview highlights for the user to check.
    pub uncertain: Vec<Field>,
    /// The vendor whose list the row is on, where the file lists several vendors' rows
    /// (a vendor column beside the subprocessor column); empty otherwise.
    pub listed_for: String,
    /// Which table of the document the row is in, when it is in one.
    #[serde(skip)]
    pub table: Option<usize>,
}

/// A column of an imported row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Address,
    Country,
    Service,
    Location,
    Mechanism,
    Certifications,
}
