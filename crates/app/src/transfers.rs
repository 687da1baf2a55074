//! The transfer checks over the vault: an organisation's register turned into the checker's
//! input — its activities and Art. 30(2) records, the vendors they use with their current
//! subprocessor lists (and those subprocessors' own lists where an entry was matched to a
//! catalogue vendor), its DPAs and its unreviewed list changes — and checked as of a date.

use crate::lists::object_by;
use crate::{App, AppResult};
use chrono::NaiveDate;
use dpadesk_model::*;
use dpadesk_transfer as transfer;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use ts_rs::TS;

/// How deep matched subprocessors' own lists are followed; real chains are two or three long.
const MAX_DEPTH: usize = 4;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct CheckReport {
    pub as_of: NaiveDate,
    pub dataset_version: String,
    pub findings: Vec<transfer::Finding>,
}

impl CheckReport {
    /// True when something needs acting on before data keep flowing (blocker or high).
    pub fn needs_action(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity >= transfer::Severity::High)
    }
}

/// What the register says about every vendor, read once per check.
struct Catalogue {
    vendors: HashMap<Id, Vendor>,
    /// The newest list version of each vendor.
    latest: HashMap<Id, SubprocessorList>,
}

impl Catalogue {
    fn vendor(&self, id: Id, role_for: &[Id]) -> Option<transfer::Vendor> {
        let v = self.vendors.get(&id)?;
        let mut path = vec![id];
        Some(transfer::Vendor {
            id,
            name: v.data.legal_name.clone(),
            location: location(v.data.country.clone()),
            dpf_certified: v.data.dpf_certified,
            // An independent controller's own processors are its transfers, not ours.
            subprocessors: if role_for.contains(&id) {
                self.subprocessors(id, &mut path)
            } else {
                Vec::new()
            },
        })
    }

    fn subprocessors(&self, vendor: Id, path: &mut Vec<Id>) -> Vec<transfer::Subprocessor> {
        let Some(list) = self.latest.get(&vendor) else {
            return Vec::new();
        };
        list.entries
            .iter()
            .map(|e| {
                let matched = e.vendor_id.and_then(|id| self.vendors.get(&id));
                // A matched entry brings its own list, unless that would loop back.
                let nested = match e.vendor_id {
                    Some(id) if path.len() < MAX_DEPTH && !path.contains(&id) => {
                        path.push(id);
                        let own = self.subprocessors(id, path);
                        path.pop();
                        own
                    }
                    _ => Vec::new(),
                };
                transfer::Subprocessor {
                    vendor_id: e.vendor_id,
                    name: e.name.clone(),
                    location: location(e.country.clone()),
                    dpf_certified: matched.is_some_and(|v| v.data.dpf_certified),
                    role: transfer::Role::Processor,
                    safeguard: transfer::Safeguard {
                        mechanism: e.mechanism.unwrap_or(TransferMechanism::Unknown),
                        source: transfer::MechanismSource::List,
                        ..Default::default()
                    },
                    subprocessors: nested,
                }
            })
            .collect()
    }
}

fn location(country: Option<CountryCode>) -> transfer::Location {
    transfer::Location {
        country,
        ..Default::default()
    }
}

fn role_of(kind: RecipientKind) -> transfer::Role {
    match kind {
        RecipientKind::Processor => transfer::Role::Processor,
        _ => transfer::Role::Controller,
    }
}

/// The transfer tool of a vendor relationship as the DPA records it.
fn safeguard(dpa: Option<&Dpa>) -> transfer::Safeguard {
    match dpa {
        Some(d) => transfer::Safeguard {
            mechanism: d.transfer_mechanism.unwrap_or(TransferMechanism::Unknown),
            source: transfer::MechanismSource::Dpa,
            scc_module: d.scc_module,
            contract_signed_on: d.signed_on,
            ..Default::default()
        },
        None => transfer::Safeguard::default(),
    }
}

impl App {
    /// The reference dataset the checks judge against.
    pub fn dataset(&self) -> &transfer::Dataset {
        &self.dataset
    }

    async fn catalogue(&self) -> AppResult<Catalogue> {
        let vendors = self
            .list::<VendorData>()
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
        let mut latest = HashMap::new();
        // Oldest first, so the last one kept per vendor is the newest.
        for list in self.all_lists().await?.iter() {
            latest.insert(list.vendor_id, list.clone());
        }
        Ok(Catalogue { vendors, latest })
    }

    /// The checker's view of one organisation's register.
    async fn transfer_register(
        &self,
        org: &Organisation,
        catalogue: &Catalogue,
        changed: &HashMap<Id, SubprocessorList>,
    ) -> AppResult<transfer::Register> {
        let dpas = self.dpas_of(org.id).await?;
        let dpa_of = |vendor: Id| dpas.iter().find(|d| d.vendor_id == vendor);
        let mut used: Vec<Id> = Vec::new();
        let mut processors: Vec<Id> = Vec::new();
        let mut activities = Vec::new();
        for a in self.activities_of(org.id).await? {
            if a.data.status == ActivityStatus::Retired {
                continue;
            }
            let mut uses = Vec::new();
            let mut other_recipients = Vec::new();
            for r in &a.data.recipients {
                let role = role_of(r.kind);
                match r.vendor_id {
                    Some(vendor) => {
                        used.push(vendor);
                        if role == transfer::Role::Processor {
                            processors.push(vendor);
                        }
                        uses.push(transfer::VendorUse {
                            vendor_id: vendor,
                            role,
                            safeguard: safeguard(dpa_of(vendor)),
                        });
                    }
                    None if r.kind != RecipientKind::Internal => {
                        other_recipients.push(transfer::OtherRecipient {
                            name: r.name.clone(),
                            location: location(r.country.clone()),
                            role,
                            ..Default::default()
                        })
                    }
                    None => {}
                }
            }
            for t in &a.data.transfers {
                other_recipients.push(transfer::OtherRecipient {
                    name: t.recipient.clone(),
                    location: location(Some(t.country.clone())),
                    role: transfer::Role::Controller,
                    safeguard: transfer::Safeguard {
                        mechanism: t.mechanism,
                        ..Default::default()
                    },
                    ..Default::default()
                });
            }
            let sensitivity = |s| a.data.data_categories.iter().any(|d| d.sensitivity == s);
            activities.push(transfer::ActivityFlows {
                id: a.id,
                name: a.data.name.clone(),
                organisation_role: transfer::Role::Controller,
                client: None,
                special_data: sensitivity(DataSensitivity::Special),
                criminal_data: sensitivity(DataSensitivity::Criminal),
                uses,
                other_recipients,
            });
        }
        for r in self.processor_records_of(org.id).await? {
            let uses = r
                .subprocessor_vendor_ids
                .iter()
                .map(|&vendor| {
                    used.push(vendor);
                    processors.push(vendor);
                    transfer::VendorUse {
                        vendor_id: vendor,
                        role: transfer::Role::Processor,
                        safeguard: safeguard(dpa_of(vendor)),
                    }
                })
                .collect();
            activities.push(transfer::ActivityFlows {
                id: r.id,
                // The client is shown beside it already; the name says what is done.
                name: r
                    .processing_categories
                    .first()
                    .cloned()
                    .unwrap_or_else(|| r.client.name.clone()),
                organisation_role: transfer::Role::Processor,
                client: Some(transfer::Named {
                    id: r.id,
                    name: r.client.name.clone(),
                }),
                uses,
                ..Default::default()
            });
        }
        let mut seen = HashSet::new();
        used.retain(|id| seen.insert(*id));
        let vendors = used
            .iter()
            .filter_map(|&id| catalogue.vendor(id, &processors))
            .collect();
        let pending_changes = used
            .iter()
            .filter_map(|id| {
                let list = changed.get(id)?;
                let window = dpa_of(*id)?.objection_window_days;
                Some(transfer::PendingChange {
                    vendor_id: *id,
                    received_on: list.received_on,
                    object_by: object_by(list.received_on, window)?,
                })
            })
            .collect();
        Ok(transfer::Register {
            organisation: transfer::Exporter {
                id: org.id,
                name: org.data.name.clone(),
                country: org.data.country.clone(),
            },
            vendors,
            activities,
            dpas: dpas
                .iter()
                .map(|d| transfer::DpaFacts {
                    vendor_id: d.vendor_id,
                    signed_on: d.signed_on,
                    missing_items: Art28Item::ALL
                        .into_iter()
                        .filter(|i| d.data.status_of(*i) == ItemStatus::Missing)
                        .collect(),
                    next_review_on: d.next_review_on,
                })
                .collect(),
            pending_changes,
        })
    }

    /// Checks one organisation, or every one, as of `as_of`; most severe findings first.
    pub async fn check_transfers(
        &self,
        organisation: Option<Id>,
        as_of: NaiveDate,
    ) -> AppResult<CheckReport> {
        let organisations = match organisation {
            Some(id) => vec![self.get::<OrganisationData>(id).await?],
            None => self.list::<OrganisationData>().await?,
        };
        let catalogue = self.catalogue().await?;
        let changed = self.changed_lists().await?;
        let mut findings = Vec::new();
        for org in &organisations {
            let register = self.transfer_register(org, &catalogue, &changed).await?;
            findings.extend(transfer::check(&self.dataset, &register, as_of));
        }
        transfer::sort(&mut findings);
        Ok(CheckReport {
            as_of,
            dataset_version: self.dataset.version.clone(),
            findings,
        })
    }
}
