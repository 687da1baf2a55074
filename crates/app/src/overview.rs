//! The views over a whole register that the home and list screens show: each organisation
//! with its completeness and reminders, each activity with its own completeness, and the
//! values already used in the vault (offered as suggestions in the pick-lists).

use crate::completeness::{self, Completeness, OrganisationCompleteness};
use crate::reminders::{self, Register, Reminder};
use crate::{App, AppResult};
use chrono::NaiveDate;
use dpadesk_model::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct OrganisationSummary {
    pub organisation: Organisation,
    pub completeness: u8,
    pub activities: usize,
    pub reminders: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ActivityRow {
    pub activity: Activity,
    pub completeness: Completeness,
}

/// Values typed anywhere in the vault, each once, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct UsedValues {
    pub purposes: Vec<String>,
    pub subject_categories: Vec<String>,
    pub data_categories: Vec<String>,
    pub recipients: Vec<String>,
    pub systems: Vec<String>,
    pub data_locations: Vec<String>,
    pub processing_categories: Vec<String>,
}

fn sorted(set: BTreeSet<&str>) -> Vec<String> {
    set.into_iter().map(str::to_string).collect()
}

impl App {
    async fn vendor_map(&self) -> AppResult<HashMap<Id, Vendor>> {
        Ok(self
            .list::<VendorData>()
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect())
    }

    pub async fn reminders_of(
        &self,
        organisation: Id,
        today: NaiveDate,
    ) -> AppResult<Vec<Reminder>> {
        let org = self.get::<OrganisationData>(organisation).await?;
        let activities = self.vault().activities_of(organisation).await?;
        let activities: Vec<&Activity> = activities.iter().collect();
        let dpas = self.vault().dpas_of(organisation).await?;
        let vendors = self.vendor_map().await?;
        let changed_lists = self.changed_lists().await?;
        Ok(reminders::reminders(
            &Register {
                organisation: &org,
                activities: &activities,
                dpas: &dpas,
                vendors: &vendors,
                changed_lists: &changed_lists,
            },
            today,
        ))
    }

    pub async fn completeness_of(&self, organisation: Id) -> AppResult<OrganisationCompleteness> {
        let org = self.get::<OrganisationData>(organisation).await?;
        let activities = self.vault().activities_of(organisation).await?;
        Ok(completeness::of_organisation(&org.data, &activities))
    }

    /// The activities of an organisation with how complete each is.
    pub async fn activity_rows(&self, organisation: Id) -> AppResult<Vec<ActivityRow>> {
        Ok(self
            .activities_of(organisation)
            .await?
            .into_iter()
            .map(|a| ActivityRow {
                completeness: completeness::of_activity(&a.data),
                activity: a,
            })
            .collect())
    }

    /// Every organisation for the home screen.
    pub async fn organisation_summaries(
        &self,
        today: NaiveDate,
    ) -> AppResult<Vec<OrganisationSummary>> {
        let vendors = self.vendor_map().await?;
        let changed_lists = self.changed_lists().await?;
        let all = self.all_activities().await?;
        let mut activities: HashMap<Id, Vec<&Activity>> = HashMap::new();
        for a in all.values() {
            activities
                .entry(a.data.organisation_id)
                .or_default()
                .push(a);
        }
        let dpas = self.list::<DpaData>().await?;
        let mut out = Vec::new();
        for org in self.list::<OrganisationData>().await? {
            let own = activities.remove(&org.id).unwrap_or_default();
            let own_dpas: Vec<Dpa> = dpas
                .iter()
                .filter(|d| d.data.organisation_id == org.id)
                .cloned()
                .collect();
            let reminders = reminders::reminders(
                &Register {
                    organisation: &org,
                    activities: &own,
                    dpas: &own_dpas,
                    vendors: &vendors,
                    changed_lists: &changed_lists,
                },
                today,
            )
            .len();
            out.push(OrganisationSummary {
                completeness: completeness::of_organisation(&org.data, &own).percent,
                activities: own.len(),
                reminders,
                organisation: org,
            });
        }
        out.sort_by_key(|s| s.organisation.data.name.to_lowercase());
        Ok(out)
    }

    pub async fn used_values(&self) -> AppResult<UsedValues> {
        let activities = self.list::<ActivityData>().await?;
        let records = self.list::<ProcessorRecordData>().await?;
        let mut purposes = BTreeSet::new();
        let mut subjects = BTreeSet::new();
        let mut data = BTreeSet::new();
        let mut recipients = BTreeSet::new();
        let mut systems = BTreeSet::new();
        let mut locations = BTreeSet::new();
        for a in &activities {
            purposes.extend(a.data.purposes.iter().map(|p| p.description.as_str()));
            subjects.extend(a.data.subject_categories.iter().map(String::as_str));
            data.extend(a.data.data_categories.iter().map(|c| c.name.as_str()));
            recipients.extend(a.data.recipients.iter().map(|r| r.name.as_str()));
            systems.extend(a.data.systems.iter().map(String::as_str));
            locations.extend(a.data.data_locations.iter().map(String::as_str));
        }
        let categories = records
            .iter()
            .flat_map(|r| r.data.processing_categories.iter().map(String::as_str))
            .collect();
        Ok(UsedValues {
            purposes: sorted(purposes),
            subject_categories: sorted(subjects),
            data_categories: sorted(data),
            recipients: sorted(recipients),
            systems: sorted(systems),
            data_locations: sorted(locations),
            processing_categories: sorted(categories),
        })
    }
}
