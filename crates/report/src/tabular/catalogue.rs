//! The sheets about what the register uses: vendors with their current DPA, the
//! subprocessors on each vendor's newest list, and the security measures.

use super::table::{CODE, Column, Ctx, DATE, LONG, NAME, Sheet, TEXT, build, col};
use super::values::{contact, country, join, label, optional};
use crate::Snapshot;
use crate::wording::Words;
use dpadesk_model::*;

/// The agreement in force with a vendor: of several versions, the one that took effect (or
/// was signed) last, the newest record when dates are missing.
pub(super) fn current_dpa(s: &Snapshot, vendor: Id) -> Option<&Dpa> {
    s.dpas
        .iter()
        .filter(|d| d.vendor_id == vendor)
        .max_by_key(|d| (d.effective_on.or(d.signed_on), d.created_at))
}

pub(super) fn vendors(ctx: &Ctx) -> Sheet {
    build(
        ctx,
        "tables.sheet.vendors",
        &VENDOR_COLUMNS,
        &ctx.s.vendors,
        1,
    )
}

fn dpa<'a>(ctx: &Ctx<'a>, v: &Vendor) -> Option<&'a Dpa> {
    current_dpa(ctx.s, v.id)
}

const VENDOR_COLUMNS: [Column<Vendor>; 25] = [
    col("tables.col.vendor", NAME, |_, v| {
        v.legal_name.as_str().into()
    }),
    col("tables.col.aliases", TEXT, |_, v| {
        join(v.aliases.iter().cloned()).into()
    }),
    col("tables.col.country", CODE, |_, v| {
        country(&v.country).into()
    }),
    col("tables.col.address", TEXT, |_, v| v.address.as_str().into()),
    col("tables.col.services", TEXT, |_, v| {
        join(v.services.iter().cloned()).into()
    }),
    col("tables.col.contact", NAME, |_, v| {
        contact(&v.contact).into()
    }),
    col("tables.col.website", NAME, |_, v| v.website.as_str().into()),
    col("tables.col.dpf", NAME, |c, v| {
        Words::new(c.l.0).dpf(&v.scope_checks).into()
    }),
    col("tables.col.adequacy_scope", TEXT, |c, v| {
        Words::new(c.l.0).scope_checks(&v.scope_checks).into()
    }),
    col("tables.col.international_organisation", CODE, |_, v| {
        v.international_organisation
            .clone()
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.remote_access", CODE, |_, v| {
        join(v.remote_access_from.iter().map(ToString::to_string)).into()
    }),
    col("tables.col.used_by", TEXT, |c, v| used_by(c, v).into()),
    col("tables.col.notes", LONG, |_, v| v.notes.as_str().into()),
    col("tables.col.dpa_version", NAME, |c, v| {
        dpa(c, v)
            .map(|d| d.version.clone())
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.dpa_signed_on", DATE, |c, v| {
        dpa(c, v).and_then(|d| d.signed_on).into()
    }),
    col("tables.col.dpa_effective_on", DATE, |c, v| {
        dpa(c, v).and_then(|d| d.effective_on).into()
    }),
    col("tables.col.dpa_expires_on", DATE, |c, v| {
        dpa(c, v).and_then(|d| d.expires_on).into()
    }),
    col("tables.col.dpa_next_review_on", DATE, |c, v| {
        dpa(c, v).and_then(|d| d.next_review_on).into()
    }),
    col("tables.col.dpa_document", NAME, |c, v| {
        dpa(c, v)
            .and_then(|d| d.document.as_ref())
            .map(|doc| doc.file_name.clone())
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.art28_missing", TEXT, |c, v| {
        dpa(c, v)
            .map(|d| missing_items(c, d))
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.objection_window", CODE, |c, v| {
        dpa(c, v)
            .and_then(|d| d.objection_window_days)
            .map(|n| n.to_string())
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.transfer_tool", TEXT, |c, v| {
        dpa(c, v)
            .map(|d| optional(c.l, "mechanism", &d.transfer_mechanism))
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.scc_module", TEXT, |c, v| {
        dpa(c, v)
            .map(|d| optional(c.l, "scc", &d.scc_module))
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.transfer_instrument", NAME, |c, v| {
        dpa(c, v)
            .map(|d| d.transfer_instrument.clone())
            .unwrap_or_default()
            .into()
    }),
    col("tables.col.dpa_notes", LONG, |c, v| {
        dpa(c, v)
            .map(|d| d.notes.clone())
            .unwrap_or_default()
            .into()
    }),
];

/// The Art. 28(3) items the agreement lacks, or "none".
fn missing_items(ctx: &Ctx, d: &Dpa) -> String {
    let missing = join(
        Art28Item::ALL
            .into_iter()
            .filter(|item| d.status_of(*item) == ItemStatus::Missing)
            .map(|item| label(ctx.l, "art28", &item).to_string()),
    );
    match missing.as_str() {
        "" => ctx.l.get("tables.none").to_string(),
        _ => missing,
    }
}

/// The activities (and Art. 30(2) clients) that use the vendor.
fn used_by(ctx: &Ctx, v: &Vendor) -> String {
    let activities = ctx
        .s
        .activities
        .iter()
        .filter(|a| a.vendor_ids().contains(&v.id))
        .map(activity_name);
    let clients = ctx
        .s
        .processor_records
        .iter()
        .filter(|r| r.subprocessor_vendor_ids.contains(&v.id))
        .map(|r| {
            ctx.l.fill(
                "tables.vendor.for_client",
                &[("client", r.client.name.trim())],
            )
        });
    join(activities.chain(clients))
}

fn activity_name(a: &Activity) -> String {
    format!("{} {}", a.reference.trim(), a.name.trim())
        .trim()
        .to_string()
}

/// An entry of a vendor's newest list, with the vendor and the list it is on.
struct EntryRow<'a> {
    vendor: &'a Vendor,
    list: &'a SubprocessorList,
    entry: &'a SubprocessorEntry,
}

pub(super) fn subprocessors(ctx: &Ctx) -> Sheet {
    let rows: Vec<EntryRow> = ctx
        .s
        .vendors
        .iter()
        .filter_map(|vendor| Some((vendor, ctx.s.list_of(vendor.id)?)))
        .flat_map(|(vendor, list)| {
            list.entries.iter().map(move |entry| EntryRow {
                vendor,
                list,
                entry,
            })
        })
        .collect();
    build(
        ctx,
        "tables.sheet.subprocessors",
        &entry_columns(),
        &rows,
        2,
    )
}

fn entry_columns<'a>() -> [Column<EntryRow<'a>>; 9] {
    [
        col("tables.col.vendor", NAME, |_, r| {
            r.vendor.legal_name.as_str().into()
        }),
        col("tables.col.subprocessor", NAME, |_, r| {
            r.entry.name.as_str().into()
        }),
        col("tables.col.country", CODE, |_, r| {
            country(&r.entry.country).into()
        }),
        col("tables.col.address", TEXT, |_, r| {
            r.entry.address.as_str().into()
        }),
        col("tables.col.service", TEXT, |_, r| {
            r.entry.service.as_str().into()
        }),
        col("tables.col.location", TEXT, |_, r| {
            r.entry.processing_location.as_str().into()
        }),
        col("tables.col.transfer_tool", TEXT, |c, r| {
            optional(c.l, "mechanism", &r.entry.mechanism).into()
        }),
        col("tables.col.certifications", TEXT, |_, r| {
            join(r.entry.certifications.iter().cloned()).into()
        }),
        col("tables.col.received_on", DATE, |_, r| {
            r.list.received_on.into()
        }),
    ]
}

pub(super) fn measures(ctx: &Ctx) -> Sheet {
    build(
        ctx,
        "tables.sheet.measures",
        &MEASURE_COLUMNS,
        &ctx.s.measures,
        2,
    )
}

const MEASURE_COLUMNS: [Column<Measure>; 4] = [
    col("tables.col.group", NAME, |c, m| {
        label(c.l, "group", &m.group).into()
    }),
    col("tables.col.measure", NAME, |_, m| m.title.as_str().into()),
    col("tables.col.description", LONG, |_, m| {
        m.description.as_str().into()
    }),
    col("tables.col.used_by", TEXT, |c, m| {
        let org = &c.s.organisation;
        let whole = org
            .measure_ids
            .contains(&m.id)
            .then(|| org.name.trim().to_string());
        let activities =
            c.s.activities
                .iter()
                .filter(|a| a.measure_ids.contains(&m.id))
                .map(activity_name);
        let clients =
            c.s.processor_records
                .iter()
                .filter(|r| r.measure_ids.contains(&m.id))
                .map(|r| {
                    c.l.fill(
                        "tables.vendor.for_client",
                        &[("client", r.client.name.trim())],
                    )
                });
        join(whole.into_iter().chain(activities).chain(clients)).into()
    }),
];
