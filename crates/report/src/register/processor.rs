//! The processor's register (Art. 30(2)): one section per client controller, with the same
//! items in the same order every time.

use super::parts::{
    Ctx, measures_table, processor_rows, processors_table, transfers, transfers_table,
};
use super::people::{lines, party};
use crate::pdf::blocks::{TocEntry, bullets, fields, paragraph, section_title};
use crate::pdf::page::Anchor;
use dpadesk_model::ProcessorRecord;

pub fn title_of(r: &ProcessorRecord) -> String {
    if r.client.name.trim().is_empty() {
        "—".to_string()
    } else {
        r.client.name.trim().to_string()
    }
}

/// One row per client controller, as the activities have theirs.
pub fn overview(ctx: &mut Ctx, records: &[&ProcessorRecord]) {
    let w = ctx.w;
    let rows = records
        .iter()
        .map(|r| {
            vec![
                title_of(r),
                r.processing_categories.join("; "),
                r.subprocessor_vendor_ids
                    .iter()
                    .filter_map(|id| ctx.s.vendor(*id))
                    .map(|v| v.legal_name.trim().to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
                lines(&[
                    r.dpa_reference.trim(),
                    &r.dpa_signed_on.map(|d| w.date(d)).unwrap_or_default(),
                ]),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("field.client"), 0.28),
        (ctx.get("record.categories"), 0.3),
        (ctx.get("record.subprocessors"), 0.24),
        (ctx.get("col.agreement"), 0.18),
    ];
    ctx.table(&cols, rows);
}

pub fn section(ctx: &mut Ctx, r: &ProcessorRecord, anchor: Anchor, toc: &TocEntry) {
    let w = ctx.w;
    ctx.flow.new_page();
    let kicker = w.get("record.kicker");
    section_title(&mut ctx.flow, kicker, &title_of(r), anchor, &toc.title);

    ctx.item("record.controller", "art.record_controller");
    let none = || w.get("doc.none").to_string();
    fields(
        &mut ctx.flow,
        vec![
            (w.get("field.client").into(), party(&w, &r.client)),
            (
                w.get("field.client_representative").into(),
                r.client_representative
                    .as_ref()
                    .map(|p| party(&w, p))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(none),
            ),
            (
                w.get("field.client_dpo").into(),
                r.client_dpo
                    .as_ref()
                    .map(|p| party(&w, p))
                    .filter(|p| !p.is_empty())
                    .unwrap_or_else(none),
            ),
            (
                w.get("field.client_agreement").into(),
                lines(&[
                    r.dpa_reference.trim(),
                    &r.dpa_signed_on
                        .map(|d| w.fill("dpa.signed_on", &[("date", &w.date(d))]))
                        .unwrap_or_default(),
                ]),
            ),
        ],
    );

    ctx.item("record.categories", "art.record_categories");
    let categories: Vec<String> = r
        .processing_categories
        .iter()
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    if categories.is_empty() {
        ctx.none();
    } else {
        bullets(&mut ctx.flow, &categories);
    }

    ctx.item("record.subprocessors", "art.record_subprocessors");
    let subs: Vec<(String, Option<dpadesk_model::Id>)> = r
        .subprocessor_vendor_ids
        .iter()
        .map(|id| {
            let name = ctx.s.vendor(*id).map(|v| v.legal_name.clone());
            (name.unwrap_or_default(), Some(*id))
        })
        .collect();
    let rows = processor_rows(ctx, &subs);
    processors_table(ctx, rows);

    ctx.item("record.transfers", "art.record_transfers");
    let documented: Vec<(String, &dpadesk_model::TransferRecord)> =
        r.transfers.iter().map(|t| (title_of(r), t)).collect();
    let rows = transfers(ctx, &[r.id], &r.subprocessor_vendor_ids, &documented);
    transfers_table(ctx, &rows);

    ctx.item("record.measures", "art.record_measures");
    measures_table(ctx, &r.measure_ids);

    if !r.notes.trim().is_empty() {
        ctx.item("record.notes", "");
        paragraph(&mut ctx.flow, &r.notes);
    }
}
