//! The parts an activity and an Art. 30(2) record share: processors with their agreements
//! and subprocessors, transfers with their tool and TIA, measures by control group. Each is
//! drawn the same way wherever it appears.

use super::people::lines;
use crate::Snapshot;
use crate::pdf::blocks::{item_heading, note};
use crate::pdf::flow::Flow;
use crate::pdf::table::Grid;
use crate::wording::Words;
use dpadesk_model::{ControlGroup, Id, TiaConclusion, TransferMechanism, TransferRecord, Vendor};
use dpadesk_transfer::{Flow as Hop, Severity};
use std::collections::BTreeMap;

/// The document being written: the snapshot, its words and the pages so far.
pub struct Ctx<'a> {
    pub s: &'a Snapshot,
    pub w: Words,
    pub flow: Flow,
}

impl Ctx<'_> {
    pub fn get(&self, key: &str) -> &'static str {
        self.w.get(key)
    }

    pub fn none(&mut self) {
        let text = self.w.get("doc.none_recorded");
        note(&mut self.flow, text);
    }

    /// A table, or "None recorded" when it has no rows.
    pub fn table(&mut self, columns: &[(&str, f32)], rows: Vec<Vec<String>>) {
        if rows.is_empty() {
            self.none();
        } else {
            let grid = Grid::table(columns, rows, self.w.get("doc.continued"));
            self.flow.grid(&grid);
        }
    }

    /// A numbered item's heading; `aside_key` names the article it answers, if any.
    pub fn item(&mut self, title_key: &str, aside_key: &str) {
        let title = self.w.get(title_key);
        let aside = if aside_key.is_empty() {
            ""
        } else {
            self.w.get(aside_key)
        };
        item_heading(&mut self.flow, title, aside);
    }

    /// "Name (Country)" of a vendor.
    pub fn vendor_name(&self, v: &Vendor) -> String {
        match &v.country {
            Some(c) => format!("{} ({})", v.legal_name, self.w.country(c.as_str())),
            None => v.legal_name.clone(),
        }
    }
}

/// Longer lists are only counted in a record's table; Annex A lists them whole.
const LIST_IN_TABLE: usize = 12;

/// A processor's row: the vendor, its agreement, its subprocessors as its newest list names
/// them.
pub fn processor_rows(ctx: &Ctx, processors: &[(String, Option<Id>)]) -> Vec<Vec<String>> {
    let (s, w) = (ctx.s, &ctx.w);
    processors
        .iter()
        .map(|(name, vendor_id)| {
            let vendor = vendor_id.and_then(|id| s.vendor(id));
            let who = vendor.map_or_else(|| name.clone(), |v| ctx.vendor_name(v));
            let agreement = match vendor_id.and_then(|id| s.dpa_with(id)) {
                Some(d) => lines(&[
                    &if d.version.trim().is_empty() {
                        w.get("dpa.recorded").to_string()
                    } else {
                        w.fill("dpa.version", &[("version", d.version.trim())])
                    },
                    &d.signed_on
                        .map(|d| w.fill("dpa.signed_on", &[("date", &w.date(d))]))
                        .unwrap_or_default(),
                ]),
                None => w.get("dpa.none").to_string(),
            };
            let subs = match vendor_id.and_then(|id| s.list_of(id)) {
                Some(list) if !list.entries.is_empty() => {
                    let names: Vec<String> = list
                        .entries
                        .iter()
                        .map(|e| match &e.country {
                            Some(c) => format!("{} ({})", e.name.trim(), c.as_str()),
                            None => e.name.trim().to_string(),
                        })
                        .collect();
                    let head = list.received_on.map_or_else(
                        || w.count("list.count", names.len()),
                        |d| {
                            w.fill(
                                "list.count_as_of",
                                &[
                                    ("count", &w.count("list.count", names.len())),
                                    ("date", &w.date(d)),
                                ],
                            )
                        },
                    );
                    if names.len() > LIST_IN_TABLE {
                        format!("{head}\n{}", w.get("list.see_annex"))
                    } else {
                        format!("{head}\n{}", names.join("; "))
                    }
                }
                Some(_) => w.get("list.empty").to_string(),
                None => w.get("list.none").to_string(),
            };
            vec![who, agreement, subs]
        })
        .collect()
}

pub fn processors_table(ctx: &mut Ctx, rows: Vec<Vec<String>>) {
    let (a, b, c) = (
        ctx.get("col.processor"),
        ctx.get("col.agreement"),
        ctx.get("col.subprocessors"),
    );
    ctx.table(&[(a, 0.3), (b, 0.22), (c, 0.48)], rows);
}

/// A transfer as the documents list it.
#[derive(Debug, Clone)]
pub struct TransferRow {
    pub recipient: String,
    /// The vendor and subprocessors the data pass through to reach the recipient.
    pub via: Vec<String>,
    pub countries: Vec<String>,
    pub mechanism: TransferMechanism,
    pub safeguards: String,
    pub tia: String,
    /// The worst finding on the hop, when the check has judged it.
    pub status: Option<Severity>,
    pub judged: bool,
    /// The activities or records sending the data.
    pub senders: Vec<String>,
}

/// The transfers of the records `ids` (their own and their vendors' onward hops), from the
/// check's flows and the transfers the records document, each recipient and country once.
pub fn transfers(
    ctx: &Ctx,
    ids: &[Id],
    vendors: &[Id],
    documented: &[(String, &TransferRecord)],
) -> Vec<TransferRow> {
    let s = ctx.s;
    let mut rows: Vec<TransferRow> = Vec::new();
    let wanted = |hop: &Hop| {
        if hop.third_countries.is_empty() {
            return false;
        }
        if hop.chain.is_empty() {
            hop.activities.iter().any(|a| ids.contains(&a.id))
        } else {
            hop.vendor.as_ref().is_some_and(|v| vendors.contains(&v.id))
        }
    };
    for hop in s.flows.iter().filter(|h| wanted(h)) {
        let via: Vec<String> = if hop.chain.is_empty() {
            Vec::new()
        } else {
            let mut v: Vec<String> = hop.vendor.iter().map(|v| v.name.clone()).collect();
            v.extend(hop.chain[..hop.chain.len() - 1].iter().cloned());
            v
        };
        rows.push(TransferRow {
            recipient: hop.recipient.clone(),
            via,
            countries: hop.third_countries.clone(),
            mechanism: hop.mechanism,
            safeguards: String::new(),
            tia: tia_status(ctx, hop.vendor.as_ref().map(|v| v.id), hop, hop.mechanism),
            status: hop.status,
            judged: true,
            senders: hop.activities.iter().map(|a| a.name.clone()).collect(),
        });
    }
    for (sender, t) in documented {
        let known = rows.iter_mut().find(|r| {
            r.via.is_empty()
                && r.recipient.trim().eq_ignore_ascii_case(t.recipient.trim())
                && r.countries.iter().any(|c| c == t.country.as_str())
        });
        match known {
            Some(row) => {
                if row.safeguards.is_empty() {
                    row.safeguards = t.safeguards.trim().to_string();
                }
                if !row.senders.contains(sender) {
                    row.senders.push(sender.clone());
                }
            }
            None => {
                let vendor = s
                    .vendors
                    .iter()
                    .find(|v| v.legal_name.trim().eq_ignore_ascii_case(t.recipient.trim()));
                rows.push(TransferRow {
                    recipient: t.recipient.trim().to_string(),
                    via: Vec::new(),
                    countries: vec![t.country.to_string()],
                    mechanism: t.mechanism,
                    safeguards: t.safeguards.trim().to_string(),
                    tia: tia_text(ctx, vendor.map(|v| v.id), "", t.mechanism),
                    status: None,
                    judged: false,
                    senders: vec![sender.clone()],
                });
            }
        }
    }
    rows
}

fn tia_status(ctx: &Ctx, vendor: Option<Id>, hop: &Hop, mechanism: TransferMechanism) -> String {
    let sub = if hop.chain.is_empty() {
        ""
    } else {
        hop.recipient.as_str()
    };
    tia_text(ctx, vendor, sub, mechanism)
}

/// The TIA of a transfer: its conclusion and date, or whether one is needed.
fn tia_text(ctx: &Ctx, vendor: Option<Id>, subprocessor: &str, m: TransferMechanism) -> String {
    let w = &ctx.w;
    let tia = vendor.and_then(|id| {
        ctx.s
            .tias
            .iter()
            .filter(|t| {
                t.vendor_id == id
                    && t.subprocessor
                        .trim()
                        .eq_ignore_ascii_case(subprocessor.trim())
            })
            .max_by_key(|t| t.assessed_on)
    });
    match tia {
        Some(t) if t.conclusion != TiaConclusion::Undecided => lines(&[
            w.value("tia.conclusion", &t.conclusion),
            &t.assessed_on.map(|d| w.date(d)).unwrap_or_default(),
        ]),
        Some(_) => w.get("tia.draft").to_string(),
        None => match m {
            TransferMechanism::Eea | TransferMechanism::Adequacy | TransferMechanism::Dpf => {
                w.get("tia.not_needed").to_string()
            }
            _ => w.get("tia.none").to_string(),
        },
    }
}

/// "Standard Contractual Clauses" with the documented safeguards under it.
pub fn mechanism_text(w: &Words, row: &TransferRow) -> String {
    lines(&[w.value("mechanism", &row.mechanism), &row.safeguards])
}

pub fn transfers_table(ctx: &mut Ctx, rows: &[TransferRow]) {
    let w = ctx.w;
    let cells = rows
        .iter()
        .map(|r| {
            let recipient = if r.via.is_empty() {
                r.recipient.clone()
            } else {
                lines(&[
                    &r.recipient,
                    &w.fill("transfer.via", &[("route", &r.via.join(" › "))]),
                ])
            };
            let countries: Vec<String> = r.countries.iter().map(|c| w.country(c)).collect();
            vec![
                recipient,
                countries.join(", "),
                mechanism_text(&w, r),
                r.tia.clone(),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("col.recipient"), 0.3),
        (ctx.get("col.destination"), 0.2),
        (ctx.get("col.tool"), 0.27),
        (ctx.get("col.tia"), 0.23),
    ];
    ctx.table(&cols, cells);
}

/// Measures by control group, in the groups' order.
pub fn measures_by_group(ctx: &Ctx, ids: &[Id]) -> BTreeMap<ControlGroup, Vec<String>> {
    let mut groups: BTreeMap<ControlGroup, Vec<String>> = BTreeMap::new();
    for m in ids.iter().filter_map(|id| ctx.s.measure(*id)) {
        groups
            .entry(m.group)
            .or_default()
            .push(m.title.trim().to_string());
    }
    groups
}

pub fn measures_table(ctx: &mut Ctx, ids: &[Id]) {
    let w = ctx.w;
    let rows = measures_by_group(ctx, ids)
        .into_iter()
        .map(|(group, titles)| vec![w.value("group", &group).to_string(), titles.join("; ")])
        .collect();
    let cols = [(ctx.get("col.group"), 0.3), (ctx.get("col.measures"), 0.7)];
    ctx.table(&cols, rows);
}
