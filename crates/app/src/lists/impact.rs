//! Whom a new list version concerns: every organisation with an agreement with the vendor,
//! an activity using it, or processor records naming it as a subprocessor; and for each, the
//! date by which it must object under its DPA's objection window.

use crate::{App, AppResult};
use chrono::{Days, NaiveDate};
use dpadesk_model::*;
use serde::Serialize;
use ts_rs::TS;

use super::ListChanges;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ListChangeReport {
    pub vendor_id: Id,
    pub vendor_name: String,
    pub list: SubprocessorList,
    /// The version received before this one; `None` for the first list of a vendor.
    pub previous: Option<SubprocessorList>,
    pub changes: ListChanges,
    pub organisations: Vec<OrganisationImpact>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OrganisationImpact {
    pub organisation_id: Id,
    pub organisation_name: String,
    /// The window the organisation's DPA with the vendor gives; `None` without a DPA or window.
    pub objection_window_days: Option<u32>,
    /// The version's received date plus the window.
    pub object_by: Option<NaiveDate>,
    pub activities: Vec<ActivityRef>,
    /// Controllers this organisation, as a processor, uses the vendor for (Art. 30(2)).
    pub clients: Vec<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ActivityRef {
    pub id: Id,
    pub name: String,
}

/// The last day to object: the received date plus the window.
pub fn object_by(received_on: Option<NaiveDate>, window_days: Option<u32>) -> Option<NaiveDate> {
    received_on?.checked_add_days(Days::new(u64::from(window_days?)))
}

pub(super) async fn organisations(
    app: &App,
    vendor: &Vendor,
    list: &SubprocessorList,
) -> AppResult<Vec<OrganisationImpact>> {
    let mut out = Vec::new();
    for org in app.list::<OrganisationData>().await? {
        let window = app
            .dpas_of(org.id)
            .await?
            .into_iter()
            .find(|d| d.vendor_id == vendor.id)
            .map(|d| d.data.objection_window_days);
        let activities: Vec<ActivityRef> = app
            .activities_of(org.id)
            .await?
            .into_iter()
            .filter(|a| a.vendor_ids().contains(&vendor.id))
            .map(|a| ActivityRef {
                id: a.id,
                name: a.data.name,
            })
            .collect();
        let clients: Vec<String> = app
            .processor_records_of(org.id)
            .await?
            .into_iter()
            .filter(|r| r.subprocessor_vendor_ids.contains(&vendor.id))
            .map(|r| r.data.client.name)
            .collect();
        if window.is_none() && activities.is_empty() && clients.is_empty() {
            continue;
        }
        let window = window.flatten();
        out.push(OrganisationImpact {
            organisation_id: org.id,
            organisation_name: org.data.name,
            objection_window_days: window,
            object_by: object_by(list.received_on, window),
            activities,
            clients,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deadline_is_the_received_date_plus_the_window() {
        let received = NaiveDate::from_ymd_opt(2026, 12, 20);
        assert_eq!(
            object_by(received, Some(14)),
            NaiveDate::from_ymd_opt(2027, 1, 3)
        );
        assert_eq!(object_by(received, None), None);
        assert_eq!(object_by(None, Some(14)), None);
    }
}
