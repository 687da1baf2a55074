//! The Art. 30 register as a PDF: a cover, the table of contents, the organisation's header
//! (Art. 30(1)(a) / 30(2)(a)), the controller's activities and, where the organisation acts
//! as processor, its records for client controllers, then the annexes (vendors and their
//! agreements, measures, transfers by country).

mod activity;
mod annexes;
mod cover;
mod parts;
pub(crate) mod people;
mod processor;

use crate::pdf::blocks::{TocEntry, fields, paragraph, section_title, toc};
use crate::pdf::flow::Flow;
use crate::pdf::render::{Frame, render};
use crate::pdf::style::{NOTE, TITLE};
use crate::wording::Words;
use crate::{Lang, ReportError, Snapshot};
use dpadesk_model::{Activity, Id, OrgRole, ProcessorRecord, Vendor};
use parts::{Ctx, TransferRow, measures_table};
use people::{dpo_and_representative, lines, party, reach};

/// The register: Art. 30(1), and Art. 30(2) when the organisation also acts as processor
/// and keeps records for clients.
pub fn register_pdf(s: &Snapshot, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let processor = matches!(s.organisation.role, OrgRole::Processor | OrgRole::Both)
        && !s.processor_records.is_empty();
    build(s, lang, true, processor)
}

/// The processor's register (Art. 30(2)) alone.
pub fn processor_pdf(s: &Snapshot, lang: Lang) -> Result<Vec<u8>, ReportError> {
    build(s, lang, false, true)
}

fn build(
    s: &Snapshot,
    lang: Lang,
    controller: bool,
    processor: bool,
) -> Result<Vec<u8>, ReportError> {
    let w = Words::new(lang);
    let mut ctx = Ctx {
        s,
        w,
        flow: Flow::new(),
    };
    let activities: Vec<&Activity> = if controller {
        s.activities.iter().collect()
    } else {
        Vec::new()
    };
    let records: Vec<&ProcessorRecord> = if processor {
        s.processor_records.iter().collect()
    } else {
        Vec::new()
    };
    let title = w.get(if controller {
        "register.title"
    } else {
        "processor.title"
    });
    let subtitle = w.get(match (controller, processor) {
        (true, true) => "register.subtitle_both",
        (true, false) => "register.subtitle_controller",
        _ => "register.subtitle_processor",
    });
    cover::cover(&mut ctx, title, subtitle);

    // Every entry of the contents, with the anchor its section will be placed at.
    let mut entries: Vec<TocEntry> = Vec::new();
    let mut number = 0;
    let mut numbered = |ctx: &mut Ctx, entries: &mut Vec<TocEntry>, key: &str| {
        number += 1;
        let title = format!("{number}. {}", ctx.get(key));
        add(ctx, entries, 0, title)
    };
    let header = numbered(
        &mut ctx,
        &mut entries,
        if controller {
            "section.controller"
        } else {
            "section.processor"
        },
    );
    let activities_part =
        controller.then(|| numbered(&mut ctx, &mut entries, "section.activities"));
    let activity_entries: Vec<TocEntry> = activities
        .iter()
        .map(|a| add(&mut ctx, &mut entries, 1, activity::title_of(a)))
        .collect();
    let records_part = processor.then(|| numbered(&mut ctx, &mut entries, "section.records"));
    let record_entries: Vec<TocEntry> = records
        .iter()
        .map(|r| add(&mut ctx, &mut entries, 1, processor::title_of(r)))
        .collect();
    let mut annex = |letter: &str| {
        let title = format!(
            "{}: {}",
            ctx.get(&format!("annex.{letter}.kicker")),
            ctx.get(&format!("annex.{letter}.title"))
        );
        add(&mut ctx, &mut entries, 0, title)
    };
    let annex_a = annex("a");
    let annex_b = annex("b");
    let annex_c = annex("c");

    ctx.flow.new_page();
    ctx.flow.paragraph(TITLE, w.get("toc.title"));
    ctx.flow.gap(8.0);
    toc(&mut ctx.flow, &entries);

    organisation(&mut ctx, &header, controller);

    if let Some(part) = &activities_part {
        ctx.flow.new_page();
        let kicker = w.get("section.activities_kicker");
        section_title(
            &mut ctx.flow,
            kicker,
            w.get("section.activities"),
            part.anchor,
            &part.title,
        );
        if activities.is_empty() {
            ctx.none();
        } else {
            paragraph(
                &mut ctx.flow,
                &w.fill(
                    "activities.lead",
                    &[("count", &w.count("activities.count", activities.len()))],
                ),
            );
            ctx.flow.gap(6.0);
            activity::overview(&mut ctx, &activities);
        }
        for (a, entry) in activities.iter().zip(&activity_entries) {
            activity::section(&mut ctx, a, entry.anchor, entry);
        }
    }
    if let Some(part) = &records_part {
        ctx.flow.new_page();
        let kicker = w.get("section.records_kicker");
        section_title(
            &mut ctx.flow,
            kicker,
            w.get("section.records"),
            part.anchor,
            &part.title,
        );
        if records.is_empty() {
            ctx.none();
        } else {
            paragraph(&mut ctx.flow, w.get("records.lead"));
            ctx.flow.gap(6.0);
            processor::overview(&mut ctx, &records);
        }
        for (r, entry) in records.iter().zip(&record_entries) {
            processor::section(&mut ctx, r, entry.anchor, entry);
        }
    }

    let vendors = vendors_in_scope(s, &activities, &records, controller);
    annexes::vendors(&mut ctx, &vendors, annex_a.anchor, &annex_a.title);
    let mut measure_ids: Vec<Id> = if controller {
        s.organisation.measure_ids.clone()
    } else {
        Vec::new()
    };
    measure_ids.extend(
        activities
            .iter()
            .flat_map(|a| a.measure_ids.iter().copied()),
    );
    measure_ids.extend(records.iter().flat_map(|r| r.measure_ids.iter().copied()));
    let measures: Vec<_> = s
        .measures
        .iter()
        .filter(|m| measure_ids.contains(&m.id))
        .collect();
    annexes::measures(&mut ctx, &measures, annex_b.anchor, &annex_b.title);
    let transfers = transfers_in_scope(&ctx, &activities, &records);
    annexes::transfers(&mut ctx, &transfers, annex_c.anchor, &annex_c.title);

    let note = w.fill("footer.issued", &[("date", &w.date(s.issued_on))]);
    render(
        ctx.flow.finish(),
        &Frame {
            title,
            organisation: s.organisation.name.trim(),
            note: &note,
            page_of: w.get("footer.page_of"),
            issued_on: s.issued_on,
            lang: lang.code(),
        },
    )
}

/// Section 1: the organisation's own particulars and its organisation-wide measures.
fn organisation(ctx: &mut Ctx, entry: &TocEntry, controller: bool) {
    let (s, w) = (ctx.s, ctx.w);
    let o = &s.organisation;
    ctx.flow.new_page();
    section_title(
        &mut ctx.flow,
        w.get(if controller {
            "section.controller_kicker"
        } else {
            "section.processor_kicker"
        }),
        if o.name.trim().is_empty() {
            w.get("doc.none")
        } else {
            o.name.trim()
        },
        entry.anchor,
        &entry.title,
    );
    let none = || w.get("doc.none").to_string();
    let joint: Vec<String> = o
        .joint_controllers
        .iter()
        .map(|p| party(&w, p))
        .filter(|p| !p.is_empty())
        .collect();
    ctx.item(
        "org.particulars",
        if controller {
            "art.org"
        } else {
            "art.org_processor"
        },
    );
    let [dpo_row, representative_row] = dpo_and_representative(&w, o);
    fields(
        &mut ctx.flow,
        vec![
            (w.get("field.name").into(), o.name.trim().to_string()),
            (w.get("field.role").into(), w.value("role", &o.role).into()),
            (w.get("field.address").into(), o.address.trim().to_string()),
            (
                w.get("field.country").into(),
                o.country
                    .as_ref()
                    .map(|c| w.country(c.as_str()))
                    .unwrap_or_default(),
            ),
            (
                w.get("field.registration").into(),
                o.registration_number.trim().to_string(),
            ),
            (w.get("field.reach").into(), reach(&o.email, &o.phone)),
            (w.get("field.website").into(), o.website.trim().to_string()),
            dpo_row,
            representative_row,
            (
                w.get("field.joint_controllers").into(),
                if joint.is_empty() {
                    none()
                } else {
                    joint.join("\n\n")
                },
            ),
            (
                w.get("field.authority").into(),
                o.lead_supervisory_authority.trim().to_string(),
            ),
            (w.get("field.notes").into(), o.notes.trim().to_string()),
        ],
    );
    ctx.item("org.measures", "art.org_measures");
    measures_table(ctx, &o.measure_ids);
    ctx.flow.gap(8.0);
    let basis = lines(&[
        &w.fill("org.as_of", &[("date", &w.date(s.as_of))]),
        &if s.dataset_version.trim().is_empty() {
            String::new()
        } else {
            w.fill("org.dataset", &[("version", s.dataset_version.trim())])
        },
    ]);
    ctx.flow.paragraph(NOTE, &basis);
}

/// A new entry of the contents with an anchor still to be placed.
fn add(ctx: &mut Ctx, entries: &mut Vec<TocEntry>, level: u8, title: String) -> TocEntry {
    let entry = TocEntry {
        level,
        title,
        anchor: ctx.flow.anchor(),
    };
    entries.push(entry.clone());
    entry
}

fn vendors_in_scope<'a>(
    s: &'a Snapshot,
    activities: &[&Activity],
    records: &[&ProcessorRecord],
    everything: bool,
) -> Vec<&'a Vendor> {
    let mut ids: Vec<Id> = activities.iter().flat_map(|a| a.vendor_ids()).collect();
    ids.extend(
        records
            .iter()
            .flat_map(|r| r.subprocessor_vendor_ids.iter().copied()),
    );
    let mut out: Vec<&Vendor> = s
        .vendors
        .iter()
        .filter(|v| everything || ids.contains(&v.id))
        .collect();
    out.sort_by_key(|v| v.legal_name.to_lowercase());
    out
}

fn transfers_in_scope(
    ctx: &Ctx,
    activities: &[&Activity],
    records: &[&ProcessorRecord],
) -> Vec<TransferRow> {
    let mut ids: Vec<Id> = activities.iter().map(|a| a.id).collect();
    ids.extend(records.iter().map(|r| r.id));
    let mut vendors: Vec<Id> = activities.iter().flat_map(|a| a.vendor_ids()).collect();
    vendors.extend(
        records
            .iter()
            .flat_map(|r| r.subprocessor_vendor_ids.iter().copied()),
    );
    let mut documented: Vec<(String, &dpadesk_model::TransferRecord)> = Vec::new();
    for a in activities {
        documented.extend(a.transfers.iter().map(|t| (a.name.trim().to_string(), t)));
    }
    for r in records {
        documented.extend(r.transfers.iter().map(|t| (processor::title_of(r), t)));
    }
    parts::transfers(ctx, &ids, &vendors, &documented)
}
