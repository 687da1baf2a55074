//! DPA Desk's own register export read back: the activities sheet of the workbook, or the
//! CSV, known by its header row in any of the six languages, and each cell parsed as the
//! inverse of how `activities` and `values` wrote it, so an export imported again gives the
//! activities back field for field. Vendors and measures come back by name, for the caller
//! to match to its own catalogue; the derived columns (TIA status, last change) are left.

use super::activities::ACTIVITY_COLUMNS;
use super::safe::restore;
use super::values::label;
use crate::wording::Words;
use crate::{Labels, Lang};
use chrono::NaiveDate;
use dpadesk_model::*;
use serde::Serialize;

/// An activity as the export holds it: no organisation, no vendor or measure ids.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedActivity {
    /// Its row in the sheet, counting the header as row 1.
    pub row: usize,
    pub data: ActivityData,
    /// The vendor's legal name of each processor recipient, in the recipients' order.
    pub processors: Vec<String>,
    /// The measures' titles.
    pub measures: Vec<String>,
    /// The row's cells as they are, one per header.
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportedRegister {
    pub lang: Lang,
    /// The header row, one label per column.
    pub headers: Vec<String>,
    pub activities: Vec<ExportedActivity>,
}

/// The register, if `rows` are DPA Desk's activities sheet (header first, as exported).
pub fn read_back(rows: &[Vec<String>]) -> Option<ExportedRegister> {
    let header = rows.first()?;
    let lang = Lang::ALL.into_iter().find(|lang| {
        let l = Labels(*lang);
        header.len() >= ACTIVITY_COLUMNS.len()
            && ACTIVITY_COLUMNS
                .iter()
                .zip(header)
                .all(|(c, h)| l.get(c.header) == h.trim())
    })?;
    let reader = Reader {
        l: Labels(lang),
        words: Words::new(lang),
    };
    let activities = rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, row)| row.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, row)| reader.activity(i + 1, row))
        .collect();
    Some(ExportedRegister {
        lang,
        headers: header.iter().map(|h| h.trim().to_string()).collect(),
        activities,
    })
}

struct Reader {
    l: Labels,
    words: Words,
}

/// The cell under the column whose header key is `key`, as it was before the export
/// guarded it against formula injection.
fn cell<'a>(row: &'a [String], key: &str) -> &'a str {
    ACTIVITY_COLUMNS
        .iter()
        .position(|c| c.header == key)
        .and_then(|i| row.get(i))
        .map_or("", |s| restore(s.trim()))
}

/// Items joined with "; ", split again where no bracket is open (a recipient's name may
/// hold "; " inside its brackets).
fn split(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 && bytes.get(i + 1) == Some(&b' ') => {
                items.push(text[start..i].to_string());
                start = i + 2;
            }
            _ => {}
        }
    }
    items.push(text[start..].to_string());
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// `main (detail)` split at the bracket that closes the text, when there is one.
fn last_bracket(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let mut depth = 1usize;
    for (i, c) in inner.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some((inner[..i].trim_end(), &inner[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// `main` of "main (detail)", as `with_detail` wrote it.
fn without_detail(text: &str, detail: &str) -> Option<String> {
    let main = text.strip_suffix(&format!("({detail})"))?;
    Some(main.trim_end().to_string())
}

/// The value of an enum whose label is `text`.
fn by_label<T: Serialize + Copy>(l: Labels, group: &str, values: &[T], text: &str) -> Option<T> {
    values
        .iter()
        .copied()
        .find(|v| label(l, group, v) == text.trim())
}

const STATUSES: [ActivityStatus; 3] = [
    ActivityStatus::Draft,
    ActivityStatus::Active,
    ActivityStatus::Retired,
];
const KINDS: [RecipientKind; 4] = [
    RecipientKind::Internal,
    RecipientKind::Processor,
    RecipientKind::ThirdParty,
    RecipientKind::PublicAuthority,
];
const SENSITIVITIES: [DataSensitivity; 2] = [DataSensitivity::Special, DataSensitivity::Criminal];
const MECHANISMS: [TransferMechanism; 9] = [
    TransferMechanism::Eea,
    TransferMechanism::Adequacy,
    TransferMechanism::Dpf,
    TransferMechanism::Scc,
    TransferMechanism::Bcr,
    TransferMechanism::PrivacyShield,
    TransferMechanism::Art49,
    TransferMechanism::DpaOnly,
    TransferMechanism::Unknown,
];

impl Reader {
    fn activity(&self, row_number: usize, row: &[String]) -> ExportedActivity {
        let l = self.l;
        let mut purposes: Vec<Purpose> = self
            .purpose_items(cell(row, "tables.col.purposes"))
            .iter()
            .map(|p| self.purpose(p))
            .collect();
        // Labels may hold a lone bracket ("point b)"), so each is looked for whole at the end.
        for item in split(cell(row, "tables.col.art9")) {
            let found = Art9Condition::ALL.into_iter().find_map(|c| {
                let description = without_detail(&item, label(l, "art9", &c))?;
                Some((description, c))
            });
            if let Some((description, condition)) = found
                && let Some(p) = purposes
                    .iter_mut()
                    .find(|p| p.description == description && p.art9_condition.is_none())
            {
                p.art9_condition = Some(condition);
            }
        }
        for item in split(cell(row, "tables.col.art10")) {
            if let Some((description, basis)) = self.art10(&item)
                && let Some(p) = purposes
                    .iter_mut()
                    .find(|p| p.description == description && p.art10_basis.is_none())
            {
                p.art10_basis = Some(basis);
            }
        }
        let mut data_categories: Vec<DataCategory> = split(cell(row, "tables.col.data_categories"))
            .iter()
            .map(|c| self.category(c))
            .collect();
        let periods = retention_items(cell(row, "tables.col.retention"), &data_categories);
        for (i, text) in periods {
            data_categories[i].retention = Some(self.retention(&text));
        }
        let recipients: Vec<Recipient> = split(cell(row, "tables.col.recipients"))
            .iter()
            .map(|r| self.recipient(r))
            .collect();
        ExportedActivity {
            row: row_number,
            data: ActivityData {
                reference: cell(row, "tables.col.reference").to_string(),
                name: cell(row, "tables.col.activity").to_string(),
                description: cell(row, "tables.col.description").to_string(),
                owner: Owner {
                    department: cell(row, "tables.col.owner").to_string(),
                    contact: contact(cell(row, "tables.col.owner_contact")),
                },
                status: by_label(l, "status", &STATUSES, cell(row, "tables.col.status"))
                    .unwrap_or(ActivityStatus::Draft),
                reviewed_on: date(cell(row, "tables.col.reviewed_on")),
                next_review_on: date(cell(row, "tables.col.next_review_on")),
                purposes,
                subject_categories: split(cell(row, "tables.col.subjects")),
                data_categories,
                recipients,
                transfers: split(cell(row, "tables.col.transfers"))
                    .iter()
                    .filter_map(|t| self.transfer(t))
                    .collect(),
                measure_ids: Vec::new(),
                dpia_required: cell(row, "tables.col.dpia_required") == l.get("doc.yes"),
                dpia_reference: cell(row, "tables.col.dpia_reference").to_string(),
                systems: split(cell(row, "tables.col.systems")),
                data_locations: split(cell(row, "tables.col.locations")),
                links: split(cell(row, "tables.col.links"))
                    .iter()
                    .map(|link| link_of(link))
                    .collect(),
                ..ActivityData::default()
            },
            processors: split(cell(row, "tables.col.processors"))
                .iter()
                .map(|p| processor_name(p))
                .collect(),
            measures: split(cell(row, "tables.col.measures")),
            cells: row.iter().map(|c| c.trim().to_string()).collect(),
        }
    }

    /// The purposes' items: a piece naming no legal basis belongs to the one before it (its
    /// detail held "; ").
    fn purpose_items(&self, text: &str) -> Vec<String> {
        let mut items: Vec<String> = Vec::new();
        for piece in split(text) {
            let names_basis = LegalBasis::ALL
                .iter()
                .any(|b| piece.contains(&format!("({})", label(self.l, "basis", b))));
            match items.last_mut() {
                Some(last) if !names_basis => {
                    last.push_str("; ");
                    last.push_str(&piece);
                }
                _ => items.push(piece),
            }
        }
        items
    }

    /// "Payroll (Art. 6(1)(c) – Legal obligation): Labour Code, art. 94".
    fn purpose(&self, text: &str) -> Purpose {
        for basis in LegalBasis::ALL {
            let needle = format!("({})", label(self.l, "basis", &basis));
            if let Some(at) = text.find(&needle) {
                let rest = &text[at + needle.len()..];
                if rest.is_empty() || rest.starts_with(": ") {
                    return Purpose {
                        description: text[..at].trim().to_string(),
                        legal_basis: basis,
                        basis_detail: rest.strip_prefix(": ").unwrap_or("").trim().to_string(),
                        art9_condition: None,
                        art10_basis: None,
                    };
                }
            }
        }
        Purpose {
            description: text.to_string(),
            legal_basis: LegalBasis::Consent,
            basis_detail: String::new(),
            art9_condition: None,
            art10_basis: None,
        }
    }

    /// "Purpose (official authority)" or "Purpose (authorised by law: Act X)".
    fn art10(&self, text: &str) -> Option<(String, Art10Basis)> {
        let official = self.l.get("art10.official_authority");
        if let Some(description) = without_detail(text, official) {
            return Some((description, Art10Basis::OfficialAuthority));
        }
        let by_law = self.l.get("art10.authorised_by_law");
        let inner = text.strip_suffix(')')?;
        let at = inner.rfind(&format!("({by_law}"))?;
        let law = &inner[at + 1 + by_law.len()..];
        let law = law.strip_prefix(": ").unwrap_or(law);
        Some((
            inner[..at].trim().to_string(),
            Art10Basis::AuthorisedByLaw {
                law: law.trim().to_string(),
            },
        ))
    }

    /// "Health data [special category]".
    fn category(&self, text: &str) -> DataCategory {
        for sensitivity in SENSITIVITIES {
            let mark = format!(" [{}]", label(self.l, "sensitivity", &sensitivity));
            if let Some(name) = text.strip_suffix(&mark) {
                return DataCategory {
                    name: name.trim().to_string(),
                    sensitivity,
                    retention: None,
                };
            }
        }
        DataCategory {
            name: text.to_string(),
            sensitivity: DataSensitivity::Ordinary,
            retention: None,
        }
    }

    /// A period as `Words::retention` words it in this language, or else the rule's text.
    fn retention(&self, text: &str) -> Retention {
        const MARK: &str = "\u{1}";
        let count = text
            .split(|c: char| !c.is_ascii_digit())
            .find(|s| !s.is_empty())
            .and_then(|s| s.parse::<u32>().ok());
        if let Some(count) = count {
            for unit in [PeriodUnit::Days, PeriodUnit::Months, PeriodUnit::Years] {
                let period = |trigger: &str| {
                    self.words.retention(&Retention::Period {
                        count,
                        unit,
                        trigger: trigger.to_string(),
                    })
                };
                if period("") == text {
                    return Retention::Period {
                        count,
                        unit,
                        trigger: String::new(),
                    };
                }
                let framed = period(MARK);
                if let Some((before, after)) = framed.split_once(MARK)
                    && let Some(trigger) = text
                        .strip_prefix(before)
                        .and_then(|rest| rest.strip_suffix(after))
                    && !trigger.trim().is_empty()
                {
                    return Retention::Period {
                        count,
                        unit,
                        trigger: trigger.to_string(),
                    };
                }
            }
        }
        Retention::Rule {
            text: text.to_string(),
        }
    }

    /// "Vercom S.A. (processor, PL)", "Marketing team (internal recipient)".
    fn recipient(&self, text: &str) -> Recipient {
        let read = last_bracket(text).and_then(|(name, inside)| {
            let (kind, country) = match inside.rsplit_once(", ") {
                Some((kind, code)) => (kind, Some(code.parse::<CountryCode>().ok()?)),
                None => (inside, None),
            };
            let kind = by_label(self.l, "recipient", &KINDS, kind)?;
            Some(Recipient {
                kind,
                name: name.to_string(),
                vendor_id: None,
                country,
            })
        });
        read.unwrap_or_else(|| Recipient {
            kind: RecipientKind::ThirdParty,
            name: text.to_string(),
            vendor_id: None,
            country: None,
        })
    }

    /// "Google LLC (US) – standard contractual clauses (safeguards)".
    fn transfer(&self, text: &str) -> Option<TransferRecord> {
        for (at, _) in text.match_indices(") – ") {
            let Some(open) = text[..at].rfind(" (") else {
                continue;
            };
            let Ok(country) = text[open + 2..at].parse::<CountryCode>() else {
                continue;
            };
            let rest = &text[at + ") – ".len()..];
            for mechanism in MECHANISMS {
                let name = label(self.l, "mechanism", &mechanism);
                let Some(after) = rest.strip_prefix(name) else {
                    continue;
                };
                let safeguards = match after {
                    "" => "",
                    more => match more.strip_prefix(" (").and_then(|m| m.strip_suffix(')')) {
                        Some(inside) => inside,
                        None => continue,
                    },
                };
                return Some(TransferRecord {
                    recipient: text[..open].trim().to_string(),
                    country,
                    international_organisation: None,
                    mechanism,
                    safeguards: safeguards.to_string(),
                });
            }
        }
        None
    }
}

/// "Name: period; Other name: rule" read against the categories, in their order (the writer
/// goes through them in order, leaving out those without a period): each category's text
/// runs to where a later category's name begins, so a rule may itself hold "; ".
fn retention_items(text: &str, categories: &[DataCategory]) -> Vec<(usize, String)> {
    let starts_at = |rest: &str, from: usize| {
        (from..categories.len()).find(|i| rest.starts_with(&format!("{}: ", categories[*i].name)))
    };
    let mut out = Vec::new();
    let mut rest = text.trim();
    let mut from = 0;
    while let Some(i) = starts_at(rest, from) {
        rest = &rest[categories[i].name.len() + 2..];
        let end = rest
            .match_indices("; ")
            .map(|(at, _)| at)
            .find(|at| starts_at(&rest[at + 2..], i + 1).is_some())
            .unwrap_or(rest.len());
        out.push((i, rest[..end].trim().to_string()));
        rest = rest[end..].strip_prefix("; ").unwrap_or("");
        from = i + 1;
    }
    out
}

/// "Name, e-mail, phone", those that were filled.
fn contact(text: &str) -> Contact {
    let mut contact = Contact::default();
    for part in text.split(", ").map(str::trim).filter(|p| !p.is_empty()) {
        if part.contains('@') {
            contact.email = part.to_string();
        } else if part.starts_with('+')
            || part
                .chars()
                .all(|c| c.is_ascii_digit() || " -()/".contains(c))
        {
            contact.phone = part.to_string();
        } else {
            contact.name = part.to_string();
        }
    }
    contact
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10).unwrap_or(text), "%Y-%m-%d").ok()
}

fn link_of(text: &str) -> Link {
    match text.split_once(": ") {
        Some((label, target)) => Link {
            label: label.to_string(),
            target: target.to_string(),
        },
        None => Link {
            label: String::new(),
            target: text.to_string(),
        },
    }
}

/// The vendor's legal name in "Vercom S.A. (PL) – signed on 2023-09-18".
fn processor_name(text: &str) -> String {
    let named = text.rsplit_once(" – ").map_or(text, |(named, _)| named);
    match last_bracket(named) {
        Some((name, code)) if code.parse::<CountryCode>().is_ok() => name.to_string(),
        _ => named.to_string(),
    }
}
