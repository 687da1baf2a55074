//! The activities sheet (one row per activity, a column for every Art. 30(1) item; also the
//! CSV) and the transfers sheet (one row per documented transfer, with its TIA status).

use super::catalogue::current_dpa;
use super::table::{CODE, Column, Ctx, DATE, LONG, NAME, Sheet, TEXT, build, col};
use super::values::{
    art9, art10, contact, data_category, join, label, purpose, recipient, retention, transfer,
    with_detail, yes_no,
};
use crate::Snapshot;
use dpadesk_model::*;

pub(super) fn sheet(ctx: &Ctx) -> Sheet {
    build(
        ctx,
        "tables.sheet.activities",
        &ACTIVITY_COLUMNS,
        &ctx.s.activities,
        2,
    )
}

/// Also what `read_back` recognises and parses back.
pub(super) const ACTIVITY_COLUMNS: [Column<Activity>; 25] = [
    col("tables.col.reference", CODE, |_, a| {
        a.reference.as_str().into()
    }),
    col("tables.col.activity", NAME, |_, a| a.name.as_str().into()),
    col("tables.col.description", LONG, |_, a| {
        a.description.as_str().into()
    }),
    col("tables.col.status", CODE, |c, a| {
        label(c.l, "status", &a.status).into()
    }),
    col("tables.col.owner", NAME, |_, a| {
        a.owner.department.as_str().into()
    }),
    col("tables.col.owner_contact", NAME, |_, a| {
        contact(&a.owner.contact).into()
    }),
    col("tables.col.purposes", LONG, |c, a| {
        join(a.purposes.iter().map(|p| purpose(c.l, p))).into()
    }),
    col("tables.col.art9", TEXT, |c, a| {
        join(a.purposes.iter().filter_map(|p| art9(c.l, p))).into()
    }),
    col("tables.col.art10", TEXT, |c, a| {
        join(a.purposes.iter().filter_map(|p| art10(c.l, p))).into()
    }),
    col("tables.col.subjects", TEXT, |_, a| {
        join(a.subject_categories.iter().cloned()).into()
    }),
    col("tables.col.data_categories", TEXT, |c, a| {
        join(a.data_categories.iter().map(|d| data_category(c.l, d))).into()
    }),
    col("tables.col.retention", LONG, |c, a| {
        join(a.data_categories.iter().filter_map(|d| {
            let r = retention(c.l, d.retention.as_ref()?);
            Some(format!("{}: {r}", d.name.trim()))
        }))
        .into()
    }),
    col("tables.col.recipients", TEXT, |c, a| {
        join(a.recipients.iter().map(|r| recipient(c.l, r))).into()
    }),
    col("tables.col.processors", TEXT, |c, a| {
        join(
            a.recipients
                .iter()
                .filter(|r| r.kind == RecipientKind::Processor)
                .map(|r| processor(c, r)),
        )
        .into()
    }),
    col("tables.col.transfers", LONG, |c, a| {
        join(a.transfers.iter().map(|t| transfer(c.l, t))).into()
    }),
    col("tables.col.tia", TEXT, |c, a| {
        join(a.transfers.iter().map(|t| {
            format!(
                "{} ({}): {}",
                t.recipient.trim(),
                t.country,
                tia_status(c, t)
            )
        }))
        .into()
    }),
    col("tables.col.measures", TEXT, |c, a| {
        join(
            a.measure_ids
                .iter()
                .filter_map(|id| c.s.measure(*id))
                .map(|m| m.title.trim().to_string()),
        )
        .into()
    }),
    col("tables.col.dpia_required", CODE, |c, a| {
        yes_no(c.l, a.dpia_required).into()
    }),
    col("tables.col.dpia_reference", NAME, |_, a| {
        a.dpia_reference.as_str().into()
    }),
    col("tables.col.systems", TEXT, |_, a| {
        join(a.systems.iter().cloned()).into()
    }),
    col("tables.col.locations", TEXT, |_, a| {
        join(a.data_locations.iter().cloned()).into()
    }),
    col("tables.col.links", TEXT, |_, a| {
        join(a.links.iter().map(|l| match l.label.trim() {
            "" => l.target.trim().to_string(),
            name => format!("{name}: {}", l.target.trim()),
        }))
        .into()
    }),
    col("tables.col.reviewed_on", DATE, |_, a| a.reviewed_on.into()),
    col("tables.col.next_review_on", DATE, |_, a| {
        a.next_review_on.into()
    }),
    col("tables.col.updated_on", DATE, |_, a| {
        Some(a.updated_at.date_naive()).into()
    }),
];

/// "Vercom S.A. (PL) – signed on 2023-09-18": the catalogue's name for a processor
/// recipient and where its agreement stands.
fn processor(ctx: &Ctx, r: &Recipient) -> String {
    let vendor = r.vendor_id.and_then(|id| ctx.s.vendor(id));
    let name = vendor.map_or(r.name.trim(), |v| v.legal_name.trim());
    let country = r
        .country
        .as_ref()
        .or_else(|| vendor.and_then(|v| v.country.as_ref()));
    let named = match country {
        Some(c) => format!("{name} ({c})"),
        None => name.to_string(),
    };
    let dpa = match vendor.and_then(|v| current_dpa(ctx.s, v.id)) {
        Some(d) => match d.signed_on {
            Some(day) => ctx.l.fill("dpa.signed_on", &[("date", &day.to_string())]),
            None => ctx.l.get("dpa.recorded").to_string(),
        },
        None => ctx.l.get("dpa.none").to_string(),
    };
    format!("{named} – {dpa}")
}

/// A documented transfer with the activity it belongs to.
struct TransferRow<'a> {
    activity: &'a Activity,
    transfer: &'a TransferRecord,
}

pub(super) fn transfers(ctx: &Ctx) -> Sheet {
    let rows: Vec<TransferRow> = ctx
        .s
        .activities
        .iter()
        .flat_map(|activity| {
            activity
                .transfers
                .iter()
                .map(move |transfer| TransferRow { activity, transfer })
        })
        .collect();
    build(ctx, "tables.sheet.transfers", &transfer_columns(), &rows, 2)
}

fn transfer_columns<'a>() -> [Column<TransferRow<'a>>; 7] {
    [
        col("tables.col.reference", CODE, |_, r| {
            r.activity.reference.as_str().into()
        }),
        col("tables.col.activity", NAME, |_, r| {
            r.activity.name.as_str().into()
        }),
        col("tables.col.recipient", NAME, |_, r| {
            r.transfer.recipient.as_str().into()
        }),
        col("tables.col.country", CODE, |_, r| {
            r.transfer.country.to_string().into()
        }),
        col("tables.col.transfer_tool", TEXT, |c, r| {
            label(c.l, "mechanism", &r.transfer.mechanism).into()
        }),
        col("tables.col.safeguards", LONG, |_, r| {
            r.transfer.safeguards.as_str().into()
        }),
        col("tables.col.tia", TEXT, |c, r| {
            tia_status(c, r.transfer).into()
        }),
    ]
}

/// Whether the transfer has the TIA an Art. 46 tool needs: "not required" inside the EEA,
/// under an adequacy decision (the DPF included) or an Art. 49 derogation; otherwise the
/// conclusion and date of the organisation's newest matching TIA, or "none recorded".
fn tia_status(ctx: &Ctx, t: &TransferRecord) -> String {
    use TransferMechanism::*;
    if matches!(t.mechanism, Eea | Adequacy | Dpf | Art49) {
        return ctx.l.get("tia.not_needed").to_string();
    }
    match tia_for(ctx.s, t) {
        Some(tia) => {
            let conclusion = label(ctx.l, "tia.conclusion", &tia.conclusion);
            with_detail(conclusion, &super::values::date(tia.assessed_on))
        }
        None => ctx.l.get("tia.none").to_string(),
    }
}

/// The newest TIA on the same destination whose subprocessor (or, for the vendor's own hop,
/// the vendor's legal name or an alias) the transfer's recipient names. Recipients are
/// free text ("Google LLC (Workspace; Customer Alliance subprocessor)"), so a TIA matches
/// when its name appears in the recipient's text.
fn tia_for<'a>(s: &'a Snapshot, t: &TransferRecord) -> Option<&'a Tia> {
    let recipient = simplified(&t.recipient);
    s.tias
        .iter()
        .filter(|tia| tia.country.as_ref().is_none_or(|c| *c == t.country))
        .filter(|tia| {
            assessed_names(s, tia)
                .iter()
                .any(|name| !name.is_empty() && recipient.contains(name.as_str()))
        })
        .max_by_key(|tia| (tia.assessed_on, tia.updated_at))
}

fn assessed_names(s: &Snapshot, tia: &Tia) -> Vec<String> {
    if !tia.subprocessor.trim().is_empty() {
        return vec![simplified(&tia.subprocessor)];
    }
    s.vendor(tia.vendor_id)
        .map(|v| {
            std::iter::once(&v.legal_name)
                .chain(&v.aliases)
                .map(|n| simplified(n))
                .collect()
        })
        .unwrap_or_default()
}

fn simplified(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
