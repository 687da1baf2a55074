//! The check itself: walks organisation → vendors → subprocessors for each activity, adds
//! the DPA and list-change rules, and turns issues into findings with names, parameters and
//! articles.

use crate::articles;
use crate::dataset::Dataset;
use crate::finding::{self, EntryRef, Finding, RuleId};
use crate::judge::{self, Hop, Issue, Judgement};
use crate::register::{ActivityFlows, Named, Register, Role, Subprocessor, Vendor};
use chrono::NaiveDate;
use dpadesk_model::{CountryCode, Id, serde_name};
use std::collections::{BTreeMap, HashMap};

type Params = BTreeMap<String, String>;

/// Every finding for the register on `as_of`, most severe first.
pub fn check(ds: &Dataset, register: &Register, as_of: NaiveDate) -> Vec<Finding> {
    let org = Named {
        id: register.organisation.id,
        name: register.organisation.name.clone(),
    };
    let vendors: HashMap<Id, &Vendor> = register.vendors.iter().map(|v| (v.id, v)).collect();
    // A vendor's subprocessors are judged once and reused by every activity using it.
    let mut onward: HashMap<Id, Vec<Onward>> = HashMap::new();
    let mut out = Vec::new();
    for activity in &register.activities {
        let ctx = Context {
            org: &org,
            activity: Some(activity),
            vendor: None,
        };
        for other in &activity.other_recipients {
            let j = judge::hop(
                ds,
                &Hop {
                    location: &other.location,
                    scope_checks: &other.scope_checks,
                    exporter_country: register.organisation.country.as_ref(),
                    exporter_role: activity.organisation_role,
                    importer_role: other.role,
                    safeguard: &other.safeguard,
                    onward: false,
                },
                as_of,
            );
            ctx.emit(&j, &other.name, &[], None, &mut out);
        }
        for used in &activity.uses {
            // A use naming a vendor the register does not carry has nothing to check.
            let Some(vendor) = vendors.get(&used.vendor_id) else {
                continue;
            };
            let ctx = Context {
                vendor: Some(vendor),
                ..ctx
            };
            let j = judge::hop(
                ds,
                &Hop {
                    location: &vendor.location,
                    scope_checks: &vendor.scope_checks,
                    exporter_country: register.organisation.country.as_ref(),
                    exporter_role: activity.organisation_role,
                    importer_role: used.role,
                    safeguard: &used.safeguard,
                    onward: false,
                },
                as_of,
            );
            ctx.emit(&j, &vendor.name, &[], None, &mut out);
            if used.role != Role::Processor {
                continue;
            }
            let hops = onward.entry(vendor.id).or_insert_with(|| {
                let mut hops = Vec::new();
                walk(
                    ds,
                    &vendor.subprocessors,
                    (Role::Processor, vendor.location.country.as_ref()),
                    &mut Vec::new(),
                    as_of,
                    &mut hops,
                );
                hops
            });
            for h in hops.iter() {
                ctx.emit(
                    &h.judgement,
                    &h.entry.name,
                    &h.chain,
                    Some(&h.entry),
                    &mut out,
                );
            }
        }
    }
    dpa_rules(register, &org, &vendors, as_of, &mut out);
    finding::sort(&mut out);
    out
}

/// One judged subprocessor hop, under the vendor's list.
struct Onward {
    entry: EntryRef,
    chain: Vec<String>,
    judgement: Judgement,
}

/// `exporter` is the role and country of the party whose subprocessors `subs` are.
fn walk(
    ds: &Dataset,
    subs: &[Subprocessor],
    exporter: (Role, Option<&CountryCode>),
    chain: &mut Vec<String>,
    as_of: NaiveDate,
    out: &mut Vec<Onward>,
) {
    for sub in subs {
        chain.push(sub.name.clone());
        let judgement = judge::hop(
            ds,
            &Hop {
                location: &sub.location,
                scope_checks: &sub.scope_checks,
                exporter_country: exporter.1,
                exporter_role: exporter.0,
                importer_role: sub.role,
                safeguard: &sub.safeguard,
                onward: true,
            },
            as_of,
        );
        out.push(Onward {
            entry: EntryRef {
                vendor_id: sub.vendor_id,
                name: sub.name.clone(),
            },
            chain: chain.clone(),
            judgement,
        });
        // Only a processor's own subprocessors carry the controller's data further.
        if sub.role == Role::Processor {
            walk(
                ds,
                &sub.subprocessors,
                (sub.role, sub.location.country.as_ref()),
                chain,
                as_of,
                out,
            );
        }
        chain.pop();
    }
}

#[derive(Clone, Copy)]
struct Context<'a> {
    org: &'a Named,
    activity: Option<&'a ActivityFlows>,
    vendor: Option<&'a Vendor>,
}

impl Context<'_> {
    fn emit(
        &self,
        j: &Judgement,
        recipient: &str,
        chain: &[String],
        sub: Option<&EntryRef>,
        out: &mut Vec<Finding>,
    ) {
        for issue in &j.issues {
            out.push(self.finding(issue, recipient, chain, sub));
        }
        let Some(a) = self.activity else { return };
        let data = match (a.special_data, a.criminal_data) {
            (true, true) => "special-category and criminal-offence",
            (true, false) => "special-category",
            (false, true) => "criminal-offence",
            (false, false) => return,
        };
        for d in &j.third_countries {
            let issue = Issue {
                rule: RuleId::SpecialDataThirdCountry,
                destination: Some(d.clone()),
                params: vec![("data", data.to_string())],
            };
            out.push(self.finding(&issue, recipient, chain, sub));
        }
    }

    fn finding(
        &self,
        issue: &Issue,
        recipient: &str,
        chain: &[String],
        sub: Option<&EntryRef>,
    ) -> Finding {
        let activity = self.activity.map(|a| Named {
            id: a.id,
            name: a.name.clone(),
        });
        let vendor = self.vendor.map(|v| Named {
            id: v.id,
            name: v.name.clone(),
        });
        let mut params: Params = issue
            .params
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect();
        params.insert("organisation".into(), self.org.name.clone());
        params.insert("recipient".into(), recipient.to_string());
        if let Some(a) = &activity {
            params.insert("activity".into(), a.name.clone());
        }
        if let Some(client) = self.activity.and_then(|a| a.client.as_ref()) {
            params.insert("client".into(), client.name.clone());
        }
        if let Some(v) = &vendor {
            params.insert("vendor".into(), v.name.clone());
        }
        if let Some(s) = sub {
            params.insert("subprocessor".into(), s.name.clone());
        }
        if let Some(d) = &issue.destination {
            params.insert("destination".into(), d.clone());
        }
        build(
            issue.rule,
            self.org,
            activity,
            self.activity.and_then(|a| a.client.clone()),
            vendor,
            sub.cloned(),
            chain.to_vec(),
            issue.destination.clone(),
            params,
        )
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    rule: RuleId,
    org: &Named,
    activity: Option<Named>,
    client: Option<Named>,
    vendor: Option<Named>,
    subprocessor: Option<EntryRef>,
    chain: Vec<String>,
    destination: Option<String>,
    params: Params,
) -> Finding {
    Finding {
        rule,
        severity: rule.severity(),
        organisation: org.clone(),
        activity,
        client,
        vendor,
        subprocessor,
        chain,
        destination,
        articles: articles::articles(rule)
            .iter()
            .map(|a| a.to_string())
            .collect(),
        message: String::new(),
        remedy: String::new(),
        params,
    }
}

/// DPA and list-change rules, one finding per vendor (not per activity using it).
fn dpa_rules(
    register: &Register,
    org: &Named,
    vendors: &HashMap<Id, &Vendor>,
    as_of: NaiveDate,
    out: &mut Vec<Finding>,
) {
    // The vendors used as processors, in the register's order, with the activities using them.
    let mut processors: Vec<(Id, Vec<&str>)> = Vec::new();
    for a in &register.activities {
        for u in a
            .uses
            .iter()
            .filter(|u| u.role == Role::Processor && vendors.contains_key(&u.vendor_id))
        {
            match processors.iter_mut().find(|(id, _)| *id == u.vendor_id) {
                Some((_, names)) => names.push(&a.name),
                None => processors.push((u.vendor_id, vec![&a.name])),
            }
        }
    }
    let vendor_finding = |rule: RuleId, vendor: &Vendor, extra: Vec<(&str, String)>| {
        let mut params: Params = extra.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        params.insert("organisation".into(), org.name.clone());
        params.insert("recipient".into(), vendor.name.clone());
        params.insert("vendor".into(), vendor.name.clone());
        let named = Named {
            id: vendor.id,
            name: vendor.name.clone(),
        };
        build(
            rule,
            org,
            None,
            None,
            Some(named),
            None,
            Vec::new(),
            None,
            params,
        )
    };
    for (id, activities) in &processors {
        let vendor = vendors[id];
        let dpa = register
            .dpas
            .iter()
            .find(|d| d.vendor_id == *id && d.signed_on.is_none_or(|s| s <= as_of));
        let Some(dpa) = dpa else {
            out.push(vendor_finding(
                RuleId::DpaMissing,
                vendor,
                vec![("activities", activities.join(", "))],
            ));
            continue;
        };
        if !dpa.missing_items.is_empty() {
            let items: Vec<String> = dpa.missing_items.iter().map(serde_name).collect();
            out.push(vendor_finding(
                RuleId::DpaIncomplete,
                vendor,
                vec![
                    ("missing_count", items.len().to_string()),
                    ("missing_items", items.join(", ")),
                ],
            ));
        }
        if let Some(due) = dpa.next_review_on.filter(|d| *d < as_of) {
            out.push(vendor_finding(
                RuleId::DpaReviewOverdue,
                vendor,
                vec![("next_review_on", due.to_string())],
            ));
        }
    }
    for change in &register.pending_changes {
        let Some(vendor) = vendors.get(&change.vendor_id) else {
            continue;
        };
        if change.received_on.is_some_and(|r| r > as_of) || change.object_by >= as_of {
            continue;
        }
        let mut extra = vec![("object_by", change.object_by.to_string())];
        if let Some(r) = change.received_on {
            extra.push(("received_on", r.to_string()));
        }
        out.push(vendor_finding(
            RuleId::ObjectionDeadlinePassed,
            vendor,
            extra,
        ));
    }
}
