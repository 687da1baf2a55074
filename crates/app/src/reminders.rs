//! What needs the DPO's attention on a given day: agreements to review or about to expire,
//! processors used without an agreement, checklist gaps, activities due for review.

use crate::lists::object_by;
use chrono::{Days, NaiveDate};
use dpadesk_model::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// How far ahead a date starts to remind.
pub const LOOK_AHEAD_DAYS: u64 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    /// A processor an activity uses has no DPA with the organisation.
    DpaMissing,
    /// Art. 28(3) items the agreement does not (yet) cover.
    ChecklistGap,
    DpaExpired,
    DpaExpiring,
    DpaReviewDue,
    ActivityReviewDue,
    /// The vendor's newest subprocessor list changed the one before and awaits review; due
    /// on the last day to object under the DPA, when it sets a window.
    SubprocessorChange,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Reminder {
    pub kind: ReminderKind,
    pub organisation_id: Id,
    pub organisation: String,
    pub vendor_id: Option<Id>,
    pub vendor: String,
    pub dpa_id: Option<Id>,
    pub activity_id: Option<Id>,
    pub activity: String,
    /// The date the reminder is about; before `today` means overdue.
    pub due_on: Option<NaiveDate>,
    /// For a checklist gap: the items marked missing.
    pub items: Vec<Art28Item>,
}

/// Everything one organisation's register needs from the vault to be reminded about.
#[derive(Debug)]
pub struct Register<'a> {
    pub organisation: &'a Organisation,
    pub activities: &'a [&'a Activity],
    pub dpas: &'a [Dpa],
    pub vendors: &'a HashMap<Id, Vendor>,
    /// Per vendor, its newest list version when it changed the one before and is not yet reviewed.
    pub changed_lists: &'a HashMap<Id, SubprocessorList>,
}

pub fn reminders(r: &Register, today: NaiveDate) -> Vec<Reminder> {
    let horizon = today
        .checked_add_days(Days::new(LOOK_AHEAD_DAYS))
        .unwrap_or(today);
    let org = r.organisation;
    let vendor_name = |id: Id| {
        r.vendors
            .get(&id)
            .map(|v| v.data.legal_name.clone())
            .unwrap_or_default()
    };
    let blank = |kind| Reminder {
        kind,
        organisation_id: org.id,
        organisation: org.data.name.clone(),
        vendor_id: None,
        vendor: String::new(),
        dpa_id: None,
        activity_id: None,
        activity: String::new(),
        due_on: None,
        items: Vec::new(),
    };
    let mut out = Vec::new();

    let covered: HashSet<Id> = r.dpas.iter().map(|d| d.data.vendor_id).collect();
    let mut reported = HashSet::new();
    for a in r.activities {
        if a.data.status == ActivityStatus::Retired {
            continue;
        }
        for vendor in a.data.vendor_ids() {
            if !covered.contains(&vendor) && reported.insert(vendor) {
                out.push(Reminder {
                    vendor_id: Some(vendor),
                    vendor: vendor_name(vendor),
                    activity_id: Some(a.id),
                    activity: a.data.name.clone(),
                    ..blank(ReminderKind::DpaMissing)
                });
            }
        }
        if let Some(due) = a.data.next_review_on.filter(|d| *d <= horizon) {
            out.push(Reminder {
                activity_id: Some(a.id),
                activity: a.data.name.clone(),
                due_on: Some(due),
                ..blank(ReminderKind::ActivityReviewDue)
            });
        }
    }

    for d in r.dpas {
        let about_dpa = |kind| Reminder {
            vendor_id: Some(d.data.vendor_id),
            vendor: vendor_name(d.data.vendor_id),
            dpa_id: Some(d.id),
            ..blank(kind)
        };
        let missing: Vec<Art28Item> = Art28Item::ALL
            .into_iter()
            .filter(|i| d.data.status_of(*i) == ItemStatus::Missing)
            .collect();
        if !missing.is_empty() {
            out.push(Reminder {
                items: missing,
                ..about_dpa(ReminderKind::ChecklistGap)
            });
        }
        if let Some(end) = d.data.expires_on.filter(|d| *d <= horizon) {
            let kind = if end < today {
                ReminderKind::DpaExpired
            } else {
                ReminderKind::DpaExpiring
            };
            out.push(Reminder {
                due_on: Some(end),
                ..about_dpa(kind)
            });
        }
        if let Some(due) = d.data.next_review_on.filter(|d| *d <= horizon) {
            out.push(Reminder {
                due_on: Some(due),
                ..about_dpa(ReminderKind::DpaReviewDue)
            });
        }
        if let Some(list) = r.changed_lists.get(&d.data.vendor_id) {
            out.push(Reminder {
                due_on: object_by(list.received_on, d.data.objection_window_days),
                ..about_dpa(ReminderKind::SubprocessorChange)
            });
        }
    }
    out.sort_by(|a, b| (a.kind, a.due_on, &a.vendor).cmp(&(b.kind, b.due_on, &b.vendor)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn rec<T>(data: T) -> Record<T> {
        Record {
            id: Id::new(),
            created_at: Utc::now(),
            updated_at: Utc::now(),
            data,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn reminds_of_missing_dpa_gaps_expiry_and_reviews() {
        let org = rec(OrganisationData {
            name: "Acme".into(),
            ..Default::default()
        });
        let mailer = rec(VendorData {
            legal_name: "Mailer".into(),
            ..Default::default()
        });
        let host = rec(VendorData {
            legal_name: "Host".into(),
            ..Default::default()
        });
        let processor = |v: &Vendor| Recipient {
            kind: RecipientKind::Processor,
            name: v.data.legal_name.clone(),
            vendor_id: Some(v.id),
            country: None,
        };
        let activity = rec(ActivityData {
            organisation_id: org.id,
            name: "Newsletter".into(),
            recipients: vec![processor(&mailer), processor(&host)],
            next_review_on: Some(day("2026-12-01")),
            ..Default::default()
        });
        let mut checklist: Vec<ChecklistItem> = Art28Item::ALL
            .into_iter()
            .map(|item| ChecklistItem {
                item,
                status: ItemStatus::Present,
                clause_ref: String::new(),
            })
            .collect();
        checklist[8].status = ItemStatus::Missing;
        let dpa = rec(DpaData {
            organisation_id: org.id,
            vendor_id: host.id,
            checklist,
            expires_on: Some(day("2026-11-01")),
            next_review_on: Some(day("2027-06-01")),
            ..Default::default()
        });
        let vendors = [mailer.clone(), host.clone()]
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
        let activities = [&activity];
        let dpas = [dpa];
        let found = reminders(
            &Register {
                organisation: &org,
                activities: &activities,
                dpas: &dpas,
                vendors: &vendors,
                changed_lists: &HashMap::new(),
            },
            day("2026-11-22"),
        );
        let kinds: Vec<_> = found.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                ReminderKind::DpaMissing,
                ReminderKind::ChecklistGap,
                ReminderKind::DpaExpired,
                ReminderKind::ActivityReviewDue
            ]
        );
        assert_eq!(found[0].vendor, "Mailer");
        assert_eq!(found[1].items, vec![Art28Item::Subprocessors]);
    }
}
