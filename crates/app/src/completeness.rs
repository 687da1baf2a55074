//! How complete a register is: which Art. 30 items an activity or an organisation still
//! lacks, as a list the window can point at and a percentage for the list screens.

use dpadesk_model::{Activity, ActivityData, DataSensitivity, Id, OrganisationData};
use serde::Serialize;
use std::borrow::Borrow;
use ts_rs::TS;

/// An item of the register, named the same in every language file and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum RegisterItem {
    Description,
    Owner,
    Purposes,
    BasisDetail,
    SubjectCategories,
    DataCategories,
    Retention,
    Recipients,
    Measures,
    Art9Condition,
    Art10Basis,
    DpiaReference,
    ReviewDate,
    Systems,
    DataLocations,
    Address,
    Country,
    Contact,
    Dpo,
    SupervisoryAuthority,
}

/// One missing item, with the form field it belongs to (e.g. `data_categories[1].retention`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Gap {
    pub item: RegisterItem,
    pub field: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Completeness {
    /// Whole percent of the items checked that are present; 100 only when nothing is missing.
    pub percent: u8,
    pub missing: Vec<Gap>,
}

/// Tallies checks as they are made.
#[derive(Default)]
struct Tally {
    checked: usize,
    missing: Vec<Gap>,
}

impl Tally {
    fn check(&mut self, present: bool, item: RegisterItem, field: impl Into<String>) {
        self.checked += 1;
        if !present {
            self.missing.push(Gap {
                item,
                field: field.into(),
            });
        }
    }

    fn finish(self) -> Completeness {
        Completeness {
            percent: percent(self.checked - self.missing.len(), self.checked),
            missing: self.missing,
        }
    }
}

/// Rounds down, so 99.6 % is not shown as a finished 100 %.
fn percent(done: usize, of: usize) -> u8 {
    (done * 100).checked_div(of).map_or(100, |p| p as u8)
}

/// What an Art. 30(1) entry needs (and what regulators' templates add to it).
pub fn of_activity(a: &ActivityData) -> Completeness {
    use RegisterItem::*;
    let mut t = Tally::default();
    t.check(!a.description.is_empty(), Description, "description");
    t.check(
        !a.owner.department.is_empty() || !a.owner.contact.name.is_empty(),
        Owner,
        "owner",
    );
    t.check(!a.purposes.is_empty(), Purposes, "purposes");
    for (i, p) in a.purposes.iter().enumerate() {
        t.check(
            !p.basis_detail.is_empty(),
            BasisDetail,
            format!("purposes[{i}].basis_detail"),
        );
    }
    t.check(
        !a.subject_categories.is_empty(),
        SubjectCategories,
        "subject_categories",
    );
    t.check(
        !a.data_categories.is_empty(),
        DataCategories,
        "data_categories",
    );
    for (i, c) in a.data_categories.iter().enumerate() {
        t.check(
            c.retention.is_some(),
            Retention,
            format!("data_categories[{i}].retention"),
        );
    }
    t.check(!a.recipients.is_empty(), Recipients, "recipients");
    t.check(!a.measure_ids.is_empty(), Measures, "measure_ids");
    let special = a.has_sensitivity(DataSensitivity::Special);
    let criminal = a.has_sensitivity(DataSensitivity::Criminal);
    for (i, p) in a.purposes.iter().enumerate() {
        if special {
            t.check(
                p.art9_condition.is_some(),
                Art9Condition,
                format!("purposes[{i}].art9_condition"),
            );
        }
        if criminal {
            t.check(
                p.art10_basis.is_some(),
                Art10Basis,
                format!("purposes[{i}].art10_basis"),
            );
        }
    }
    if a.dpia_required {
        t.check(
            !a.dpia_reference.is_empty(),
            DpiaReference,
            "dpia_reference",
        );
    }
    t.check(a.next_review_on.is_some(), ReviewDate, "next_review_on");
    t.check(!a.systems.is_empty(), Systems, "systems");
    t.check(
        !a.data_locations.is_empty(),
        DataLocations,
        "data_locations",
    );
    t.finish()
}

/// The Art. 30(1)(a) header: who the controller is and how to reach it and its DPO.
pub fn of_header(o: &OrganisationData) -> Completeness {
    use RegisterItem::*;
    let mut t = Tally::default();
    t.check(!o.address.is_empty(), Address, "address");
    t.check(o.country.is_some(), Country, "country");
    t.check(!o.email.is_empty() || !o.phone.is_empty(), Contact, "email");
    t.check(o.dpo.is_some(), Dpo, "dpo");
    t.check(
        !o.lead_supervisory_authority.is_empty(),
        SupervisoryAuthority,
        "lead_supervisory_authority",
    );
    t.check(!o.measure_ids.is_empty(), Measures, "measure_ids");
    t.finish()
}

/// An organisation's completeness: its header and every activity, each activity weighing
/// as much as the header so a long register is not hidden behind a complete header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OrganisationCompleteness {
    pub percent: u8,
    pub header: Completeness,
    pub activities: Vec<ActivityCompleteness>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActivityCompleteness {
    pub activity_id: Id,
    pub name: String,
    pub completeness: Completeness,
}

pub fn of_organisation<A: Borrow<Activity>>(
    o: &OrganisationData,
    activities: &[A],
) -> OrganisationCompleteness {
    let header = of_header(o);
    let activities: Vec<ActivityCompleteness> = activities
        .iter()
        .map(Borrow::borrow)
        .map(|a: &Activity| ActivityCompleteness {
            activity_id: a.id,
            name: a.data.name.clone(),
            completeness: of_activity(&a.data),
        })
        .collect();
    let parts: Vec<u8> = std::iter::once(header.percent)
        .chain(activities.iter().map(|a| a.completeness.percent))
        .collect();
    let complete = parts.iter().all(|p| *p == 100);
    let average = parts.iter().map(|p| *p as usize).sum::<usize>() / parts.len();
    OrganisationCompleteness {
        // The average can round to 100 while an item is still missing.
        percent: if complete { 100 } else { average.min(99) as u8 },
        header,
        activities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dpadesk_model::*;

    fn full() -> ActivityData {
        ActivityData {
            name: "Payroll".into(),
            description: "Monthly pay".into(),
            owner: Owner {
                department: "HR".into(),
                ..Default::default()
            },
            purposes: vec![Purpose {
                description: "Pay salaries".into(),
                legal_basis: LegalBasis::LegalObligation,
                basis_detail: "Labour code".into(),
                art9_condition: None,
                art10_basis: None,
            }],
            subject_categories: vec!["Employees".into()],
            data_categories: vec![DataCategory {
                name: "Bank account".into(),
                sensitivity: DataSensitivity::Ordinary,
                retention: Some(Retention::Rule {
                    text: "End of employment".into(),
                }),
            }],
            recipients: vec![Recipient {
                kind: RecipientKind::PublicAuthority,
                name: "Tax office".into(),
                vendor_id: None,
                country: None,
            }],
            measure_ids: vec![Id::new()],
            next_review_on: chrono::NaiveDate::from_ymd_opt(2027, 1, 1),
            systems: vec!["Payroll app".into()],
            data_locations: vec!["Office server".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_activity_is_100_percent() {
        let c = of_activity(&full());
        assert_eq!(c.missing, vec![]);
        assert_eq!(c.percent, 100);
    }

    #[test]
    fn special_data_without_condition_is_a_gap_on_the_purpose() {
        let mut a = full();
        a.data_categories[0].sensitivity = DataSensitivity::Special;
        let c = of_activity(&a);
        assert_eq!(
            c.missing,
            vec![Gap {
                item: RegisterItem::Art9Condition,
                field: "purposes[0].art9_condition".into()
            }]
        );
        assert!(c.percent < 100 && c.percent > 80, "{}", c.percent);
    }

    #[test]
    fn an_empty_activity_lists_every_item() {
        let c = of_activity(&ActivityData::default());
        assert_eq!(c.percent, 0);
        use RegisterItem::*;
        let items: Vec<RegisterItem> = c.missing.iter().map(|g| g.item).collect();
        assert_eq!(
            items,
            vec![
                Description,
                Owner,
                Purposes,
                SubjectCategories,
                DataCategories,
                Recipients,
                Measures,
                ReviewDate,
                Systems,
                DataLocations
            ]
        );
    }

    #[test]
    fn organisation_is_complete_only_when_everything_is() {
        let org = OrganisationData {
            name: "Acme".into(),
            address: "Main St 1".into(),
            country: Some("PL".parse().unwrap()),
            email: "a@b.pl".into(),
            dpo: Some(Dpo::default()),
            lead_supervisory_authority: "UODO".into(),
            measure_ids: vec![Id::new()],
            ..Default::default()
        };
        let now = chrono::Utc::now();
        let rec = |data| Record {
            id: Id::new(),
            created_at: now,
            updated_at: now,
            data,
        };
        let done = of_organisation(&org, &[rec(full())]);
        assert_eq!(done.percent, 100);
        let mut lacking = full();
        lacking.systems.clear();
        let part = of_organisation(&org, &[rec(full()), rec(lacking)]);
        assert!(part.percent < 100);
        assert_eq!(
            part.activities[1].completeness.missing[0].item,
            RegisterItem::Systems
        );
    }
}
