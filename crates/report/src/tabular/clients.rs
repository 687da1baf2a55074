//! The Art. 30(2) sheet: one row per client the organisation processes data for, with the
//! items the processor's register holds (the client and its representative and DPO, the
//! categories of processing, subprocessors, transfers, measures and the client agreement).

use super::table::{Column, Ctx, DATE, LONG, NAME, Sheet, TEXT, build, col};
use super::values::{country, join, transfer};
use dpadesk_model::*;

pub(super) fn sheet(ctx: &Ctx) -> Sheet {
    build(
        ctx,
        "tables.sheet.processor_records",
        &COLUMNS,
        &ctx.s.processor_records,
        1,
    )
}

/// A party as one cell: name, address, country, e-mail and phone, each when given.
fn party(p: &Party) -> String {
    join(
        [
            p.name.clone(),
            p.address.clone(),
            country(&p.country),
            p.email.clone(),
            p.phone.clone(),
        ]
        .into_iter()
        .filter(|s| !s.trim().is_empty()),
    )
}

const COLUMNS: [Column<ProcessorRecord>; 11] = [
    col("tables.col.client", NAME, |_, r| {
        r.client.name.as_str().into()
    }),
    col("tables.col.client_details", TEXT, |_, r| {
        party(&r.client).into()
    }),
    col("tables.col.client_representative", TEXT, |_, r| {
        r.client_representative
            .as_ref()
            .map(party)
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.client_dpo", TEXT, |_, r| {
        r.client_dpo.as_ref().map(party).unwrap_or_default().into()
    }),
    col("tables.col.processing_categories", LONG, |_, r| {
        join(r.processing_categories.iter().cloned()).into()
    }),
    col("tables.col.processors", TEXT, |c, r| {
        join(
            r.subprocessor_vendor_ids
                .iter()
                .filter_map(|id| c.s.vendor(*id))
                .map(|v| v.legal_name.clone()),
        )
        .into()
    }),
    col("tables.col.transfers", LONG, |c, r| {
        join(r.transfers.iter().map(|t| transfer(c.l, t))).into()
    }),
    col("tables.col.measures", LONG, |c, r| {
        join(
            r.measure_ids
                .iter()
                .filter_map(|id| c.s.measure(*id))
                .map(|m| m.title.clone()),
        )
        .into()
    }),
    col("tables.col.client_agreement", NAME, |_, r| {
        r.dpa_reference.as_str().into()
    }),
    col("tables.col.dpa_signed_on", DATE, |_, r| {
        r.dpa_signed_on.into()
    }),
    col("tables.col.notes", LONG, |_, r| r.notes.as_str().into()),
];
