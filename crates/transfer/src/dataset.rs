//! The reference dataset: EEA countries, adequacy decisions, invalidated mechanisms, the SCC
//! generations and notes on the laws of some destinations. It ships as `data/dataset.json`
//! and a newer file can be loaded without a release, so every fact is data, not code.

use crate::error::DatasetError;
use crate::validate;
use chrono::NaiveDate;
use dpadesk_model::{CountryCode, SccModule};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The dataset format this build reads. A file with a higher number was written for a newer
/// app and is refused rather than half-understood.
pub const SUPPORTED_FORMAT: u32 = 1;

const BUILTIN: &str = include_str!("../data/dataset.json");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub format: u32,
    /// The dataset's own version, shown to the user with `date`.
    pub version: String,
    /// The day the facts were last gathered.
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
    /// From when a documented transfer impact assessment is expected.
    pub tia: TiaExpectation,
    pub eea: Vec<CountryCode>,
    pub adequacy: Vec<AdequacyDecision>,
    pub invalidated: Vec<InvalidatedInstrument>,
    pub scc: Vec<SccGeneration>,
    #[serde(default)]
    pub destination_laws: Vec<DestinationLaws>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TiaExpectation {
    pub expected_from: NaiveDate,
    pub why: String,
    pub source: String,
}

/// Where data go: a country, or an international organisation (which is a destination
/// wherever its seat is, Art. 44).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Destination {
    Country(CountryCode),
    /// A short code the dataset and the register share, e.g. `EPO`.
    InternationalOrganisation(String),
}

/// Whether two references name the same act, as people write them: "(EU) 2021/914",
/// "2021/914", "Decision 2010/87/EU" and "2010/87" each name one decision.
pub fn same_reference(a: &str, b: &str) -> bool {
    fn core(r: &str) -> String {
        let lower = r.to_lowercase();
        let kept: String = lower
            .replace("(eu)", "")
            .replace("(ec)", "")
            .replace("decision", "")
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '/')
            .collect();
        kept.trim_end_matches("/eu")
            .trim_end_matches("/ec")
            .to_string()
    }
    core(a) == core(b)
}

impl Destination {
    /// The ISO country code or the international organisation's code.
    pub fn code(&self) -> String {
        match self {
            Self::Country(c) => c.to_string(),
            Self::InternationalOrganisation(o) => o.clone(),
        }
    }
}

/// Which recipients in the destination a decision covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AdequacyScope {
    Whole,
    /// US: only organisations on the Data Privacy Framework list.
    DpfListed,
    PipedaSubject,
    FaroeseActSubject,
    AutomatedProcessing,
    AppiPrivateSector,
    PipaSubject,
    LgpdSubject,
    /// An international organisation's own data protection rules.
    OwnRules,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdequacyDecision {
    pub destination: Destination,
    pub name: String,
    pub reference: String,
    pub adopted_on: NaiveDate,
    /// The last day the decision applies, if it has an end.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    pub scope: AdequacyScope,
    #[serde(default)]
    pub scope_note: String,
    pub source: String,
    pub verified_on: NaiveDate,
    /// Not confirmed from an official text.
    #[serde(default)]
    pub verify: bool,
    #[serde(default)]
    pub verify_note: String,
}

impl AdequacyDecision {
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.adopted_on <= day && self.ends_on.is_none_or(|end| day <= end)
    }
}

/// What kind of tool an invalidated instrument was; a hop naming it must use that tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InstrumentKind {
    Adequacy,
    PrivacyShield,
    Scc,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InvalidatedInstrument {
    pub reference: String,
    pub name: String,
    pub kind: InstrumentKind,
    pub adopted_on: NaiveDate,
    /// The first day no transfer may rely on it.
    pub invalid_from: NaiveDate,
    /// The first day a contract newly concluded on it is no longer valid (old SCCs).
    #[serde(default)]
    pub new_contracts_invalid_from: Option<NaiveDate>,
    pub reason: String,
    pub source: String,
    pub verified_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SccGeneration {
    pub reference: String,
    pub name: String,
    pub adopted_on: NaiveDate,
    pub source: String,
    pub verified_on: NaiveDate,
    #[serde(default)]
    pub note: String,
    pub modules: Vec<SccModuleRow>,
}

/// One module of an SCC generation and the roles of the parties it is written for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SccModuleRow {
    pub module: SccModule,
    pub number: u8,
    pub exporter: crate::register::Role,
    pub importer: crate::register::Role,
}

/// Short notes on a destination's laws, to pre-fill the "laws and practice" part of a TIA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DestinationLaws {
    pub country: CountryCode,
    pub summary: String,
    pub laws: Vec<LawNote>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LawNote {
    pub name: String,
    pub note: String,
    #[serde(default)]
    pub verify: bool,
    #[serde(default)]
    pub verify_note: String,
}

/// What the UI shows about the dataset in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DatasetInfo {
    pub format: u32,
    pub version: String,
    pub date: NaiveDate,
    pub note: String,
    /// How many rows are marked as not confirmed from an official text.
    pub unverified_rows: usize,
}

impl Dataset {
    /// The dataset shipped with this build.
    pub fn builtin() -> Self {
        // The embedded file is checked by this crate's tests; failing here is a build defect.
        Self::from_json(BUILTIN.as_bytes()).expect("the built-in dataset is valid")
    }

    /// Reads and validates a dataset file.
    pub fn from_json(bytes: &[u8]) -> Result<Self, DatasetError> {
        // The format number is read first so a newer file is refused with the right message
        // even when its shape no longer matches this one.
        #[derive(Deserialize)]
        struct Probe {
            format: Option<u32>,
        }
        let probe: Probe = serde_json::from_slice(bytes).map_err(DatasetError::from_json)?;
        let format = probe.format.ok_or(DatasetError::NoFormat)?;
        if format > SUPPORTED_FORMAT {
            return Err(DatasetError::NewerFormat {
                found: format,
                supported: SUPPORTED_FORMAT,
            });
        }
        let dataset: Dataset = serde_json::from_slice(bytes).map_err(DatasetError::from_json)?;
        validate::dataset(&dataset)?;
        Ok(dataset)
    }

    pub fn info(&self) -> DatasetInfo {
        let laws = self.destination_laws.iter().flat_map(|d| &d.laws);
        DatasetInfo {
            format: self.format,
            version: self.version.clone(),
            date: self.date,
            note: self.note.clone(),
            unverified_rows: self.adequacy.iter().filter(|a| a.verify).count()
                + laws.filter(|l| l.verify).count(),
        }
    }

    pub fn is_eea(&self, country: &CountryCode) -> bool {
        self.eea.contains(country)
    }

    /// Every decision for a destination, oldest first.
    pub fn decisions_for<'a>(
        &'a self,
        destination: &'a Destination,
    ) -> impl Iterator<Item = &'a AdequacyDecision> + 'a {
        self.adequacy
            .iter()
            .filter(move |a| &a.destination == destination)
    }

    pub fn invalidated(&self, reference: &str) -> Option<&InvalidatedInstrument> {
        self.invalidated
            .iter()
            .find(|i| same_reference(&i.reference, reference))
    }

    pub fn invalidated_of_kind(&self, kind: InstrumentKind) -> Option<&InvalidatedInstrument> {
        self.invalidated.iter().find(|i| i.kind == kind)
    }

    pub fn scc_generation(&self, reference: &str) -> Option<&SccGeneration> {
        self.scc
            .iter()
            .find(|s| same_reference(&s.reference, reference))
    }

    /// The newest SCC generation adopted by `day`.
    pub fn current_scc(&self, day: NaiveDate) -> Option<&SccGeneration> {
        self.scc
            .iter()
            .filter(|s| s.adopted_on <= day)
            .max_by_key(|s| s.adopted_on)
    }

    pub fn laws_of(&self, country: &CountryCode) -> Option<&DestinationLaws> {
        self.destination_laws.iter().find(|l| &l.country == country)
    }
}
