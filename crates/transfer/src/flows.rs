//! The register's data flows as a map or a chain view draws them: every hop from the
//! organisation to a recipient and on through subprocessors, where it lands, and the worst
//! finding on it. Derived from the register and the findings of the same check.

use crate::dataset::Dataset;
use crate::finding::{Finding, Severity};
use crate::judge;
use crate::register::{Location, Named, Register, Role, Subprocessor};
use dpadesk_model::{Id, TransferMechanism};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// One hop of a data flow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Flow {
    pub organisation: Named,
    /// The organisation's country, where arcs start.
    pub origin: Option<String>,
    /// The catalogue vendor the hop belongs to (the recipient itself, or the vendor whose
    /// list it is on); `None` for recipients outside the catalogue.
    pub vendor: Option<Named>,
    pub recipient: String,
    /// The subprocessors from the vendor's list down to this recipient; empty for the
    /// organisation's own hop.
    pub chain: Vec<String>,
    /// Where the recipient is established.
    pub country: Option<String>,
    /// The third countries (or international organisations) the hop reaches, remote access
    /// included; empty inside the EEA.
    pub third_countries: Vec<String>,
    pub mechanism: TransferMechanism,
    /// The worst finding on this hop; `None` when it is in order.
    pub status: Option<Severity>,
    /// The activities sending data on the organisation's own hops (onward hops carry the
    /// data of every activity using their vendor as a processor).
    pub activities: Vec<Named>,
}

type HopKey = (Option<Id>, Vec<String>, String);

/// Every hop of the register, first the organisation's own (in the order activities name
/// them), then each vendor's subprocessors depth-first.
pub fn flows(ds: &Dataset, register: &Register, findings: &[Finding]) -> Vec<Flow> {
    let mut worst: HashMap<HopKey, Severity> = HashMap::new();
    for f in findings {
        let recipient = f
            .subprocessor
            .as_ref()
            .map(|s| s.name.clone())
            .or_else(|| f.params.get("recipient").cloned())
            .unwrap_or_default();
        let key = (f.vendor.as_ref().map(|v| v.id), f.chain.clone(), recipient);
        let w = worst.entry(key).or_insert(f.severity);
        *w = (*w).max(f.severity);
    }
    let org = Named {
        id: register.organisation.id,
        name: register.organisation.name.clone(),
    };
    let origin = register
        .organisation
        .country
        .as_ref()
        .map(|c| c.to_string());
    let hop = |vendor: Option<Named>, recipient: &str, chain: Vec<String>, loc: &Location| {
        let status = worst
            .get(&(
                vendor.as_ref().map(|v| v.id),
                chain.clone(),
                recipient.to_string(),
            ))
            .copied();
        Flow {
            organisation: org.clone(),
            origin: origin.clone(),
            vendor,
            recipient: recipient.to_string(),
            chain,
            country: loc.country.as_ref().map(|c| c.to_string()),
            third_countries: third_countries(ds, loc),
            mechanism: TransferMechanism::Unknown,
            status,
            activities: Vec::new(),
        }
    };
    let mut out: Vec<Flow> = Vec::new();
    let mut own: HashMap<(Option<Id>, String), usize> = HashMap::new();
    let mut processors: Vec<Id> = Vec::new();
    for a in &register.activities {
        let activity = Named {
            id: a.id,
            name: a.name.clone(),
        };
        for u in &a.uses {
            let Some(v) = register.vendors.iter().find(|v| v.id == u.vendor_id) else {
                continue;
            };
            if u.role == Role::Processor && !processors.contains(&v.id) {
                processors.push(v.id);
            }
            let at = *own.entry((Some(v.id), String::new())).or_insert_with(|| {
                let named = Named {
                    id: v.id,
                    name: v.name.clone(),
                };
                out.push(Flow {
                    mechanism: u.safeguard.mechanism,
                    ..hop(Some(named), &v.name, Vec::new(), &v.location)
                });
                out.len() - 1
            });
            out[at].activities.push(activity.clone());
        }
        for r in &a.other_recipients {
            let at = *own.entry((None, r.name.clone())).or_insert_with(|| {
                out.push(Flow {
                    mechanism: r.safeguard.mechanism,
                    ..hop(None, &r.name, Vec::new(), &r.location)
                });
                out.len() - 1
            });
            out[at].activities.push(activity.clone());
        }
    }
    for id in processors {
        let Some(v) = register.vendors.iter().find(|v| v.id == id) else {
            continue;
        };
        let named = Named {
            id: v.id,
            name: v.name.clone(),
        };
        walk(&v.subprocessors, &mut Vec::new(), &mut |s, chain| {
            out.push(Flow {
                mechanism: s.safeguard.mechanism,
                ..hop(Some(named.clone()), &s.name, chain.to_vec(), &s.location)
            });
        });
    }
    out
}

fn walk(
    subs: &[Subprocessor],
    chain: &mut Vec<String>,
    visit: &mut impl FnMut(&Subprocessor, &[String]),
) {
    for s in subs {
        chain.push(s.name.clone());
        visit(s, chain);
        if s.role == Role::Processor {
            walk(&s.subprocessors, chain, visit);
        }
        chain.pop();
    }
}

fn third_countries(ds: &Dataset, loc: &Location) -> Vec<String> {
    judge::destinations(ds, loc)
        .iter()
        .map(|d| d.code())
        .collect()
}
