//! A processing activity of the controller's register (Art. 30(1)) with the extras the
//! regulators' templates ask for: a legal basis per purpose, retention per data category.

use crate::{Contact, CountryCode, Id, Record};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ActivityStatus {
    #[default]
    Draft,
    Active,
    Retired,
}

/// Art. 6(1)(a)–(f).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasis {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 6] = [
        Self::Consent,
        Self::Contract,
        Self::LegalObligation,
        Self::VitalInterests,
        Self::PublicTask,
        Self::LegitimateInterests,
    ];

    /// The point of Art. 6(1): "a" to "f".
    pub fn letter(self) -> char {
        match self {
            Self::Consent => 'a',
            Self::Contract => 'b',
            Self::LegalObligation => 'c',
            Self::VitalInterests => 'd',
            Self::PublicTask => 'e',
            Self::LegitimateInterests => 'f',
        }
    }

    pub fn from_letter(letter: char) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|b| b.letter() == letter.to_ascii_lowercase())
    }
}

/// Art. 9(2)(a)–(j): the condition that lifts the ban on special-category data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Art9Condition {
    ExplicitConsent,
    EmploymentAndSocialSecurity,
    VitalInterests,
    NotForProfitBody,
    MadePublicByDataSubject,
    LegalClaims,
    SubstantialPublicInterest,
    HealthOrSocialCare,
    PublicHealth,
    ArchivingResearchStatistics,
}

impl Art9Condition {
    pub const ALL: [Art9Condition; 10] = [
        Self::ExplicitConsent,
        Self::EmploymentAndSocialSecurity,
        Self::VitalInterests,
        Self::NotForProfitBody,
        Self::MadePublicByDataSubject,
        Self::LegalClaims,
        Self::SubstantialPublicInterest,
        Self::HealthOrSocialCare,
        Self::PublicHealth,
        Self::ArchivingResearchStatistics,
    ];

    /// The point of Art. 9(2): "a" to "j".
    pub fn letter(self) -> char {
        let index = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        (b'a' + index as u8) as char
    }
}

/// Art. 10: criminal-offence data only under official authority or where a law allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Art10Basis {
    OfficialAuthority,
    AuthorisedByLaw { law: String },
}

/// One purpose of an activity with its own legal basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Purpose {
    pub description: String,
    pub legal_basis: LegalBasis,
    /// Which law, contract or legitimate interest the basis rests on.
    #[serde(default)]
    pub basis_detail: String,
    /// Required when the activity processes special-category data.
    #[serde(default)]
    pub art9_condition: Option<Art9Condition>,
    /// Required when the activity processes criminal-offence data.
    #[serde(default)]
    pub art10_basis: Option<Art10Basis>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum DataSensitivity {
    #[default]
    Ordinary,
    /// Art. 9(1) special categories.
    Special,
    /// Art. 10 criminal convictions and offences.
    Criminal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum PeriodUnit {
    Days,
    Months,
    Years,
}

/// How long a data category is kept, and from when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Retention {
    /// E.g. 5 years from the end of the employment.
    Period {
        count: u32,
        unit: PeriodUnit,
        trigger: String,
    },
    /// A rule that is not a fixed period, e.g. "until consent is withdrawn".
    Rule { text: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DataCategory {
    pub name: String,
    #[serde(default)]
    pub sensitivity: DataSensitivity,
    #[serde(default)]
    pub retention: Option<Retention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum RecipientKind {
    Internal,
    Processor,
    ThirdParty,
    PublicAuthority,
}

/// A recipient of the data (Art. 4(9)); processors are recipients linked to a vendor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Recipient {
    pub kind: RecipientKind,
    pub name: String,
    #[serde(default)]
    pub vendor_id: Option<Id>,
    #[serde(default)]
    pub country: Option<CountryCode>,
}

/// The transfer tools of Chapter V (Art. 45–49) and what vendors write in their lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum TransferMechanism {
    /// The recipient is inside the EEA: no Chapter V transfer.
    Eea,
    Adequacy,
    Dpf,
    Scc,
    Bcr,
    /// Invalid since 2020-07-16 (Schrems II); kept to record historical set-ups.
    PrivacyShield,
    Art49,
    /// Only a DPA, no Chapter V tool named.
    DpaOnly,
    Unknown,
}

/// A transfer to a third country or international organisation, as documented in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TransferRecord {
    pub recipient: String,
    /// Where the recipient is; for an international organisation, its seat.
    pub country: CountryCode,
    /// Set when the recipient is an international organisation: its code as the reference
    /// dataset names it (`EPO`), or its name.
    #[serde(default)]
    pub international_organisation: Option<String>,
    pub mechanism: TransferMechanism,
    /// For Art. 49(1) second-subparagraph transfers: the documented safeguards.
    #[serde(default)]
    pub safeguards: String,
}

/// A link to a document outside the register (privacy notice, consent records, contracts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Link {
    pub label: String,
    pub target: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct Owner {
    pub department: String,
    pub contact: Contact,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(default)]
pub struct ActivityData {
    pub organisation_id: Id,
    /// The organisation's own reference, e.g. "HR-01".
    pub reference: String,
    pub name: String,
    pub description: String,
    pub owner: Owner,
    pub status: ActivityStatus,
    pub reviewed_on: Option<NaiveDate>,
    pub next_review_on: Option<NaiveDate>,
    pub purposes: Vec<Purpose>,
    pub subject_categories: Vec<String>,
    pub data_categories: Vec<DataCategory>,
    pub recipients: Vec<Recipient>,
    pub transfers: Vec<TransferRecord>,
    pub measure_ids: Vec<Id>,
    pub dpia_required: bool,
    pub dpia_reference: String,
    pub systems: Vec<String>,
    pub data_locations: Vec<String>,
    pub links: Vec<Link>,
}

impl ActivityData {
    pub fn has_sensitivity(&self, sensitivity: DataSensitivity) -> bool {
        self.data_categories
            .iter()
            .any(|c| c.sensitivity == sensitivity)
    }

    /// The vendors this activity uses, through its processor recipients.
    pub fn vendor_ids(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = self.recipients.iter().filter_map(|r| r.vendor_id).collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

pub type Activity = Record<ActivityData>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_basis_letters_follow_article_6() {
        assert_eq!(
            LegalBasis::from_letter('f'),
            Some(LegalBasis::LegitimateInterests)
        );
        assert_eq!(LegalBasis::from_letter('A'), Some(LegalBasis::Consent));
        assert_eq!(LegalBasis::from_letter('g'), None);
        assert_eq!(Art9Condition::ArchivingResearchStatistics.letter(), 'j');
        assert_eq!(Art9Condition::ExplicitConsent.letter(), 'a');
    }
}
