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
    /// The EEA states outside the EU (Iceland, Liechtenstein, Norway): an adequacy decision
    /// binds them only once it is part of the EEA Agreement.
    #[serde(default = "eea_efta")]
    pub eea_efta: Vec<CountryCode>,
    pub adequacy: Vec<AdequacyDecision>,
    pub invalidated: Vec<InvalidatedInstrument>,
    pub scc: Vec<SccGeneration>,
    #[serde(default)]
    pub destination_laws: Vec<DestinationLaws>,
}

fn eea_efta() -> Vec<CountryCode> {
    ["IS", "LI", "NO"]
        .iter()
        .filter_map(|c| c.parse().ok())
        .collect()
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

pub use dpadesk_model::AdequacyScope;

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
    /// The Official Journal reference as EUR-Lex prints it ("OJ L 215, 25.8.2000, p. 1").
    #[serde(default)]
    pub oj: String,
    /// The Official Journal reference was not read on EUR-Lex itself (the row's facts may be).
    #[serde(default)]
    pub oj_verify: bool,
    /// Whether and since when the decision is part of the EEA Agreement.
    #[serde(default)]
    pub eea: EeaIncorporation,
    /// EEA states outside the EU that apply the decision before it is part of the EEA
    /// Agreement (GDPR Art. 45(1a) as adapted by EEA Joint Committee Decision 154/2018).
    #[serde(default)]
    pub applied_early: Vec<EarlyApplication>,
    #[serde(default)]
    pub eea_note: String,
    /// Not confirmed from an official text.
    #[serde(default)]
    pub verify: bool,
    #[serde(default)]
    pub verify_note: String,
}

/// An adequacy decision binds Iceland, Liechtenstein and Norway from the day an EEA Joint
/// Committee decision incorporating it into the EEA Agreement takes effect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EeaIncorporation {
    /// The dataset does not say (files written before it modelled this): taken as part of it.
    #[default]
    Unknown,
    /// Not yet part of the EEA Agreement.
    Pending,
    /// Part of it from this day on.
    IncorporatedOn(NaiveDate),
}

/// One EEA EFTA state applying an adequacy decision from a day of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlyApplication {
    pub country: CountryCode,
    pub from: NaiveDate,
    pub source: String,
}

impl AdequacyDecision {
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.adopted_on <= day && self.ends_on.is_none_or(|end| day <= end)
    }

    /// Whether the decision applies to an exporter in `state`, an EEA state outside the EU,
    /// on `day`: once it is part of the EEA Agreement, or from the day that state applies it.
    pub fn applies_in_eea_efta_state(&self, state: &CountryCode, day: NaiveDate) -> bool {
        let early = self
            .applied_early
            .iter()
            .any(|e| &e.country == state && e.from <= day);
        early
            || match self.eea {
                EeaIncorporation::Unknown => true,
                EeaIncorporation::Pending => false,
                EeaIncorporation::IncorporatedOn(from) => from <= day,
            }
    }

    /// The day it became part of the EEA Agreement, when the dataset knows one.
    pub fn eea_incorporated_on(&self) -> Option<NaiveDate> {
        match self.eea {
            EeaIncorporation::IncorporatedOn(day) => Some(day),
            _ => None,
        }
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
    /// The Official Journal reference as EUR-Lex prints it.
    #[serde(default)]
    pub oj: String,
    /// The Official Journal reference was not read on EUR-Lex itself.
    #[serde(default)]
    pub oj_verify: bool,
    pub verified_on: NaiveDate,
    /// Not confirmed from an official text.
    #[serde(default)]
    pub verify: bool,
    #[serde(default)]
    pub verify_note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SccGeneration {
    pub reference: String,
    pub name: String,
    pub adopted_on: NaiveDate,
    pub source: String,
    /// The Official Journal reference as EUR-Lex prints it.
    #[serde(default)]
    pub oj: String,
    /// The Official Journal reference was not read on EUR-Lex itself.
    #[serde(default)]
    pub oj_verify: bool,
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
    /// How many rows are not confirmed from an official text, in their facts or in their
    /// Official Journal reference.
    pub unverified_rows: usize,
    /// Those rows, for the user to look up.
    pub to_verify: Vec<RowToVerify>,
}

/// A row of the dataset not confirmed from an official text, and where to confirm it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowToVerify {
    /// The act's reference, or the law's name.
    pub reference: String,
    pub name: String,
    pub note: String,
    /// Where to read it (EUR-Lex for acts), or "" when the dataset does not say.
    pub source: String,
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
        let row = |reference: &str, name: &str, note: &str, source: &str| RowToVerify {
            reference: reference.to_string(),
            name: name.to_string(),
            note: note.to_string(),
            source: source.to_string(),
        };
        // A row's facts unconfirmed say why; an unread Official Journal reference says which.
        let note = |verify: bool, verify_note: &str, oj: &str| match verify {
            true => verify_note.to_string(),
            false => format!("{oj}: the Official Journal reference is not yet read on EUR-Lex"),
        };
        let decisions = self
            .adequacy
            .iter()
            .filter(|a| a.verify || a.oj_verify)
            .map(|a| {
                row(
                    &a.reference,
                    &a.name,
                    &note(a.verify, &a.verify_note, &a.oj),
                    &a.source,
                )
            });
        let instruments = self
            .invalidated
            .iter()
            .filter(|i| i.verify || i.oj_verify)
            .map(|i| {
                row(
                    &i.reference,
                    &i.name,
                    &note(i.verify, &i.verify_note, &i.oj),
                    &i.source,
                )
            });
        let laws = self.destination_laws.iter().flat_map(|d| {
            d.laws
                .iter()
                .filter(|l| l.verify)
                .map(|l| row(&l.name, d.country.as_str(), &l.verify_note, ""))
        });
        let to_verify: Vec<RowToVerify> = decisions.chain(instruments).chain(laws).collect();
        DatasetInfo {
            format: self.format,
            version: self.version.clone(),
            date: self.date,
            note: self.note.clone(),
            unverified_rows: to_verify.len(),
            to_verify,
        }
    }

    pub fn is_eea(&self, country: &CountryCode) -> bool {
        self.eea.contains(country)
    }

    /// Iceland, Liechtenstein, Norway: in the EEA, outside the EU.
    pub fn is_eea_efta(&self, country: &CountryCode) -> bool {
        self.eea_efta.contains(country)
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
