//! The transfer checks over the vault: an organisation's register turned into the checker's
//! input — its activities and Art. 30(2) records, the vendors they use with their current
//! subprocessor lists (and those subprocessors' own lists where an entry was matched to a
//! catalogue vendor), its DPAs and its unreviewed list changes — and checked as of a date.

use crate::lists::object_by;
use crate::{App, AppError, AppResult, FieldError};
use chrono::NaiveDate;
use dpadesk_model::*;
use dpadesk_report::{Lang, word_findings};
use dpadesk_transfer as transfer;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
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
    /// The same findings worded in `lang` (they come worded in English, the CLI's language).
    pub fn in_language(mut self, lang: Lang) -> Self {
        word_findings(&mut self.findings, lang);
        self
    }

    /// True when something needs acting on before data keep flowing (blocker or high).
    pub fn needs_action(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity >= transfer::Severity::High)
    }
}

/// Every hop of the data flows, for the map, the chain views and the cross-client view.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct FlowReport {
    pub as_of: NaiveDate,
    pub dataset_version: String,
    pub flows: Vec<transfer::Flow>,
}

/// One organisation's open transfer findings, counted by severity (the home screen's badge).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OrganisationFindings {
    pub organisation: transfer::Named,
    pub counts: transfer::SeverityCounts,
}

/// What a hypothetical change of the law would cost: the findings it would add and whom
/// they touch.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct WhatIfReport {
    pub as_of: NaiveDate,
    pub dataset_version: String,
    pub hypotheses: Vec<transfer::Hypothesis>,
    #[serde(flatten)]
    #[ts(flatten)]
    pub lost: transfer::WhatIf,
}

impl WhatIfReport {
    /// The same findings worded in `lang` (they come worded in English, the CLI's language).
    pub fn in_language(mut self, lang: Lang) -> Self {
        word_findings(&mut self.lost.findings, lang);
        self
    }
}

fn named(org: &Organisation) -> transfer::Named {
    transfer::Named {
        id: org.id,
        name: org.data.name.clone(),
    }
}

/// What the register says about every vendor, read once per check.
struct Catalogue {
    vendors: HashMap<Id, Vendor>,
    /// The newest list version of each vendor.
    latest: HashMap<Id, SubprocessorList>,
}

/// An organisation's concluded TIAs by vendor and subprocessor (see `tia::concluded`).
type Tias = HashMap<(Id, String), transfer::Tia>;

impl Catalogue {
    fn vendor(&self, id: Id, role_for: &[Id], tias: &Tias) -> Option<transfer::Vendor> {
        let v = self.vendors.get(&id)?;
        let mut path = vec![id];
        Some(transfer::Vendor {
            id,
            name: v.data.legal_name.clone(),
            location: location(v.data.country.clone(), Some(&v.data)),
            scope_checks: v.data.scope_checks.clone(),
            // An independent controller's own processors are its transfers, not ours.
            subprocessors: if role_for.contains(&id) {
                self.subprocessors(id, &mut path, tias)
            } else {
                Vec::new()
            },
        })
    }

    fn subprocessors(
        &self,
        vendor: Id,
        path: &mut Vec<Id>,
        tias: &Tias,
    ) -> Vec<transfer::Subprocessor> {
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
                        let own = self.subprocessors(id, path, tias);
                        path.pop();
                        own
                    }
                    _ => Vec::new(),
                };
                // TIAs of onward transfers are kept under the vendor the organisation uses.
                let tia = tias.get(&(path[0], e.name.trim().to_lowercase())).copied();
                transfer::Subprocessor {
                    vendor_id: e.vendor_id,
                    name: e.name.clone(),
                    location: location(e.country.clone(), matched.map(|v| &v.data)),
                    scope_checks: matched
                        .map(|v| v.data.scope_checks.clone())
                        .unwrap_or_default(),
                    role: transfer::Role::Processor,
                    safeguard: transfer::Safeguard {
                        mechanism: e.mechanism.unwrap_or(TransferMechanism::Unknown),
                        source: transfer::MechanismSource::List,
                        tia,
                        ..Default::default()
                    },
                    subprocessors: nested,
                }
            })
            .collect()
    }
}

/// Where a recipient is; a catalogue vendor adds the countries it is reached from and
/// whether it is an international organisation.
fn location(country: Option<CountryCode>, vendor: Option<&VendorData>) -> transfer::Location {
    transfer::Location {
        country,
        international_organisation: vendor
            .and_then(|v| organisation_code(&v.international_organisation)),
        remote_access_from: vendor
            .map(|v| v.remote_access_from.clone())
            .unwrap_or_default(),
    }
}

/// An international organisation as the checker names it: trimmed, nothing when blank.
fn organisation_code(code: &Option<String>) -> Option<String> {
    code.as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string)
}

/// A transfer the register documents itself (Art. 30(1)(e), 30(2)(c)), to a recipient of
/// `role` outside the vendor catalogue.
fn recorded_transfer(t: &TransferRecord, role: transfer::Role) -> transfer::OtherRecipient {
    transfer::OtherRecipient {
        name: t.recipient.clone(),
        location: transfer::Location {
            international_organisation: organisation_code(&t.international_organisation),
            ..location(Some(t.country.clone()), None)
        },
        role,
        safeguard: transfer::Safeguard {
            mechanism: t.mechanism,
            ..Default::default()
        },
        ..Default::default()
    }
}

fn role_of(kind: RecipientKind) -> transfer::Role {
    match kind {
        RecipientKind::Processor => transfer::Role::Processor,
        _ => transfer::Role::Controller,
    }
}

/// The transfer tool of a vendor relationship as the DPA records it, with the
/// organisation's TIA of the transfer.
fn safeguard(dpa: Option<&Dpa>, vendor: Option<&Vendor>, tias: &Tias) -> transfer::Safeguard {
    let mut sg = match dpa {
        Some(d) => transfer::Safeguard {
            mechanism: d.transfer_mechanism.unwrap_or(TransferMechanism::Unknown),
            source: transfer::MechanismSource::Dpa,
            instrument: Some(d.transfer_instrument.trim().to_string()).filter(|i| !i.is_empty()),
            scc_module: d.scc_module,
            contract_signed_on: d.signed_on,
            ..Default::default()
        },
        None => transfer::Safeguard::default(),
    };
    if let Some(v) = vendor {
        sg.tia = tias.get(&(v.id, String::new())).copied();
    }
    sg
}

impl App {
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
        let tias = crate::tia::concluded(&self.vault.tias_of(org.id).await?);
        let safeguard_of =
            |vendor: Id| safeguard(dpa_of(vendor), catalogue.vendors.get(&vendor), &tias);
        let mut used: Vec<Id> = Vec::new();
        let mut processors: Vec<Id> = Vec::new();
        let mut activities = Vec::new();
        for a in self.own_activities(org.id).await? {
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
                            safeguard: safeguard_of(vendor),
                        });
                    }
                    None if r.kind != RecipientKind::Internal => {
                        other_recipients.push(transfer::OtherRecipient {
                            name: r.name.clone(),
                            location: location(r.country.clone(), None),
                            role,
                            ..Default::default()
                        })
                    }
                    None => {}
                }
            }
            other_recipients.extend(
                a.data
                    .transfers
                    .iter()
                    .map(|t| recorded_transfer(t, transfer::Role::Controller)),
            );
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
                        safeguard: safeguard_of(vendor),
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
                // Art. 30(2)(c): what the processor sends on for the client.
                other_recipients: r
                    .transfers
                    .iter()
                    .map(|t| recorded_transfer(t, transfer::Role::Processor))
                    .collect(),
                ..Default::default()
            });
        }
        let mut seen = HashSet::new();
        used.retain(|id| seen.insert(*id));
        let vendors = used
            .iter()
            .filter_map(|&id| catalogue.vendor(id, &processors, &tias))
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
            organisation: transfer::Exporter::of(org),
            vendors,
            activities,
            dpas: dpas.iter().map(|d| transfer::DpaFacts::of(d)).collect(),
            pending_changes,
        })
    }

    /// The registers of one organisation, or of every one, as the checker reads them.
    async fn transfer_registers(
        &self,
        organisation: Option<Id>,
    ) -> AppResult<Vec<transfer::Register>> {
        let organisations = match organisation {
            Some(id) => vec![self.get::<OrganisationData>(id).await?],
            None => self.list::<OrganisationData>().await?,
        };
        let catalogue = self.catalogue().await?;
        let changed = self.changed_lists().await?;
        let mut out = Vec::with_capacity(organisations.len());
        for org in &organisations {
            out.push(self.transfer_register(org, &catalogue, &changed).await?);
        }
        Ok(out)
    }

    /// Checks one organisation, or every one, as of `as_of`; most severe findings first,
    /// worded in English.
    pub async fn check_transfers(
        &self,
        organisation: Option<Id>,
        as_of: NaiveDate,
    ) -> AppResult<CheckReport> {
        let ds = self.dataset().await?;
        let mut findings = Vec::new();
        for register in self.transfer_registers(organisation).await? {
            findings.extend(transfer::check(&ds, &register, as_of));
        }
        transfer::sort(&mut findings);
        word_findings(&mut findings, Lang::En);
        Ok(CheckReport {
            as_of,
            dataset_version: ds.version.clone(),
            findings,
        })
    }

    /// Every organisation's findings as of `as_of`, counted by severity, in name order.
    /// Counts are kept until a change alters them, so only the organisations changed since
    /// are checked again.
    pub async fn transfer_summary(&self, as_of: NaiveDate) -> AppResult<Vec<OrganisationFindings>> {
        let started = self.generation.load(Ordering::SeqCst);
        let organisations = self.list::<OrganisationData>().await?;
        // What every check needs, read only when some organisation is not counted yet.
        let shared = tokio::sync::OnceCell::new();
        let mut out = Vec::with_capacity(organisations.len());
        for org in organisations {
            let counts = match self.finding_counts.get(as_of, org.id) {
                Some(counts) => counts,
                None => {
                    let (ds, catalogue, changed) = shared
                        .get_or_try_init(async || {
                            AppResult::Ok((
                                self.dataset().await?,
                                self.catalogue().await?,
                                self.changed_lists().await?,
                            ))
                        })
                        .await?;
                    let register = self.transfer_register(&org, catalogue, changed).await?;
                    let counts = transfer::summary(&transfer::check(ds, &register, as_of));
                    let unchanged = self.generation.load(Ordering::SeqCst) == started;
                    self.finding_counts.keep(as_of, org.id, counts, unchanged);
                    counts
                }
            };
            out.push(OrganisationFindings {
                organisation: named(&org),
                counts,
            });
        }
        Ok(out)
    }

    /// Every data flow of one organisation, or of every one (the cross-client view), with
    /// the worst finding on each hop as of `as_of`.
    pub async fn transfer_flows(
        &self,
        organisation: Option<Id>,
        as_of: NaiveDate,
    ) -> AppResult<FlowReport> {
        let ds = self.dataset().await?;
        let mut flows = Vec::new();
        for register in self.transfer_registers(organisation).await? {
            let findings = transfer::check(&ds, &register, as_of);
            flows.extend(transfer::flows(&ds, &register, &findings));
        }
        Ok(FlowReport {
            as_of,
            dataset_version: ds.version.clone(),
            flows,
        })
    }

    /// What would lose its basis under the hypotheses, for one organisation or every one.
    pub async fn transfer_what_if(
        &self,
        organisation: Option<Id>,
        as_of: NaiveDate,
        hypotheses: &[transfer::Hypothesis],
    ) -> AppResult<WhatIfReport> {
        let ds = self.dataset().await?;
        let unknown: Vec<FieldError> = hypotheses
            .iter()
            .filter_map(|h| ds.knows(h).err())
            .map(|e| FieldError::new("hypotheses", e.to_string()))
            .collect();
        if !unknown.is_empty() {
            return Err(AppError::Invalid(unknown));
        }
        let mut findings = Vec::new();
        for register in self.transfer_registers(organisation).await? {
            findings.extend(transfer::what_if(&ds, &register, as_of, hypotheses).findings);
        }
        word_findings(&mut findings, Lang::En);
        Ok(WhatIfReport {
            as_of,
            dataset_version: ds.version.clone(),
            hypotheses: hypotheses.to_vec(),
            lost: transfer::WhatIf::of(findings),
        })
    }
}
