//! The annexes of the register: the vendors with their agreements and subprocessor lists,
//! the measures by control group with their descriptions, and every transfer indexed by the
//! country it reaches.

use super::parts::{Ctx, TransferRow, mechanism_text};
use super::people::{contact, lines};
use crate::countries::country_with_code;
use crate::pdf::blocks::{fields, heading, note, paragraph, section_title};
use crate::pdf::page::Anchor;
use dpadesk_model::{Art28Item, ControlGroup, Dpa, ItemStatus, Measure, Vendor};
use std::collections::BTreeMap;

pub fn vendors(ctx: &mut Ctx, vendors: &[&Vendor], anchor: Anchor, outline: &str) {
    let w = ctx.w;
    ctx.flow.new_page();
    section_title(
        &mut ctx.flow,
        w.get("annex.a.kicker"),
        w.get("annex.a.title"),
        anchor,
        outline,
    );
    if vendors.is_empty() {
        ctx.none();
        return;
    }
    paragraph(&mut ctx.flow, w.get("annex.a.lead"));
    for v in vendors {
        heading(&mut ctx.flow, v.legal_name.trim());
        fields(
            &mut ctx.flow,
            vec![
                (w.get("field.address").into(), v.address.trim().to_string()),
                (
                    w.get("field.country").into(),
                    v.country
                        .as_ref()
                        .map(|c| w.country(c.as_str()))
                        .unwrap_or_default(),
                ),
                (w.get("field.services").into(), v.services.join("; ")),
                (w.get("field.contact").into(), contact(&v.contact)),
                (w.get("field.website").into(), v.website.trim().to_string()),
                (w.get("field.dpf").into(), w.dpf(&v.scope_checks)),
                (
                    w.get("field.adequacy_scope").into(),
                    w.scope_checks(&v.scope_checks),
                ),
                (
                    w.get("field.international_organisation").into(),
                    v.international_organisation.clone().unwrap_or_default(),
                ),
                (
                    w.get("field.remote_access").into(),
                    v.remote_access_from
                        .iter()
                        .map(|c| w.country(c.as_str()))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        );
        ctx.item("annex.a.agreement", "art.agreement");
        match ctx.s.dpa_with(v.id) {
            Some(d) => agreement(ctx, d),
            None => {
                let text = w.get("dpa.none");
                note(&mut ctx.flow, text);
            }
        }
        ctx.item("annex.a.subprocessors", "art.subprocessors");
        subprocessors(ctx, v);
    }
}

fn agreement(ctx: &mut Ctx, d: &Dpa) {
    let w = ctx.w;
    let days = d
        .objection_window_days
        .map(|n| w.count("period.days", n as usize))
        .unwrap_or_default();
    fields(
        &mut ctx.flow,
        vec![
            (w.get("field.version").into(), d.version.trim().to_string()),
            (w.get("field.signed_on").into(), w.date_or_dash(d.signed_on)),
            (
                w.get("field.effective_on").into(),
                d.effective_on.map(|x| w.date(x)).unwrap_or_default(),
            ),
            (
                w.get("field.expires_on").into(),
                d.expires_on.map(|x| w.date(x)).unwrap_or_default(),
            ),
            (
                w.get("field.next_review_on").into(),
                d.next_review_on.map(|x| w.date(x)).unwrap_or_default(),
            ),
            (w.get("field.objection_window").into(), days),
            (
                w.get("field.tool").into(),
                d.transfer_mechanism
                    .map(|m| w.value("mechanism", &m).to_string())
                    .unwrap_or_default(),
            ),
            (
                w.get("field.scc_module").into(),
                d.scc_module
                    .map(|m| w.value("scc", &m).to_string())
                    .unwrap_or_default(),
            ),
            (
                w.get("field.instrument").into(),
                d.transfer_instrument.trim().to_string(),
            ),
            (
                w.get("field.document").into(),
                d.document
                    .as_ref()
                    .map(|doc| {
                        lines(&[
                            doc.file_name.trim(),
                            &w.fill("dpa.sha256", &[("hash", &doc.sha256)]),
                        ])
                    })
                    .unwrap_or_default(),
            ),
            (w.get("field.notes").into(), d.notes.trim().to_string()),
        ],
    );
    if d.checklist.is_empty() {
        return;
    }
    let rows = Art28Item::ALL
        .into_iter()
        .map(|item| {
            let entry = d.checklist.iter().find(|c| c.item == item);
            vec![
                w.value("art28", &item).to_string(),
                w.value(
                    "item_status",
                    &entry.map_or(ItemStatus::Missing, |c| c.status),
                )
                .to_string(),
                entry
                    .map(|c| c.clause_ref.trim().to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    ctx.flow.gap(4.0);
    let cols = [
        (ctx.get("col.art28_item"), 0.6),
        (ctx.get("col.item_status"), 0.18),
        (ctx.get("col.clause"), 0.22),
    ];
    ctx.table(&cols, rows);
}

fn subprocessors(ctx: &mut Ctx, v: &Vendor) {
    let w = ctx.w;
    let Some(list) = ctx.s.list_of(v.id) else {
        let text = w.get("list.none");
        note(&mut ctx.flow, text);
        return;
    };
    let about = lines(&[
        &list
            .received_on
            .map(|d| w.fill("list.received_on", &[("date", &w.date(d))]))
            .unwrap_or_default(),
        &if list.source.trim().is_empty() {
            String::new()
        } else {
            w.fill("list.source", &[("source", list.source.trim())])
        },
    ]);
    if !about.is_empty() {
        crate::pdf::blocks::note(&mut ctx.flow, &about);
        ctx.flow.gap(3.0);
    }
    let rows = list
        .entries
        .iter()
        .map(|e| {
            vec![
                e.name.trim().to_string(),
                e.service.trim().to_string(),
                e.processing_location.trim().to_string(),
                e.country
                    .as_ref()
                    .map(|c| w.country(c.as_str()))
                    .unwrap_or_default(),
                e.mechanism
                    .map(|m| w.value("mechanism", &m).to_string())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("col.subprocessor"), 0.25),
        (ctx.get("col.service"), 0.25),
        (ctx.get("col.location"), 0.17),
        (ctx.get("col.country"), 0.15),
        (ctx.get("col.tool"), 0.18),
    ];
    ctx.table(&cols, rows);
}

pub fn measures(ctx: &mut Ctx, measures: &[&Measure], anchor: Anchor, outline: &str) {
    let w = ctx.w;
    ctx.flow.new_page();
    section_title(
        &mut ctx.flow,
        w.get("annex.b.kicker"),
        w.get("annex.b.title"),
        anchor,
        outline,
    );
    if measures.is_empty() {
        ctx.none();
        return;
    }
    paragraph(&mut ctx.flow, w.get("annex.b.lead"));
    let mut groups: BTreeMap<ControlGroup, Vec<&Measure>> = BTreeMap::new();
    for m in measures {
        groups.entry(m.group).or_default().push(m);
    }
    for (group, list) in groups {
        heading(&mut ctx.flow, w.value("group", &group));
        let rows = list
            .iter()
            .map(|m| vec![m.title.trim().to_string(), m.description.trim().to_string()])
            .collect();
        let cols = [
            (ctx.get("col.measure"), 0.34),
            (ctx.get("col.description"), 0.66),
        ];
        ctx.table(&cols, rows);
    }
}

pub fn transfers(ctx: &mut Ctx, rows: &[TransferRow], anchor: Anchor, outline: &str) {
    let w = ctx.w;
    ctx.flow.new_page();
    section_title(
        &mut ctx.flow,
        w.get("annex.c.kicker"),
        w.get("annex.c.title"),
        anchor,
        outline,
    );
    if rows.is_empty() {
        let text = w.get("annex.c.none");
        note(&mut ctx.flow, text);
        return;
    }
    paragraph(&mut ctx.flow, w.get("annex.c.lead"));
    // Country names in the reader's language, sorted as that reader would look them up.
    let mut by_country: BTreeMap<String, (String, Vec<&TransferRow>)> = BTreeMap::new();
    for r in rows {
        for c in &r.countries {
            by_country
                .entry(sort_key(&w.country(c)))
                .or_insert_with(|| (country_with_code(c, w.lang), Vec::new()))
                .1
                .push(r);
        }
    }
    for (_, (title, list)) in by_country {
        heading(&mut ctx.flow, &title);
        let cells = list
            .iter()
            .map(|r| {
                vec![
                    lines(&[
                        &r.recipient,
                        &if r.via.is_empty() {
                            String::new()
                        } else {
                            w.fill("transfer.via", &[("route", &r.via.join(" › "))])
                        },
                    ]),
                    r.senders.join("; "),
                    mechanism_text(&w, r),
                    if r.judged {
                        match r.status {
                            Some(s) => w.value("severity", &s).to_string(),
                            None => w.get("state.ok").to_string(),
                        }
                    } else {
                        w.get("state.unjudged").to_string()
                    },
                ]
            })
            .collect();
        let cols = [
            (ctx.get("col.recipient"), 0.3),
            (ctx.get("col.senders"), 0.28),
            (ctx.get("col.tool"), 0.24),
            (ctx.get("col.state"), 0.18),
        ];
        ctx.table(&cols, cells);
    }
}

/// Letters without their accents and case, so "Émirats" sorts with the E's.
fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ś' | 'š' => 's',
            'ú' | 'ù' | 'û' | 'ü' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        })
        .collect()
}
