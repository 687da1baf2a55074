//! The controller's register (Art. 30(1)): an overview of the activities, then one section
//! per activity with every item in the same order, an empty item saying so.

use super::parts::{
    Ctx, measures_table, processor_rows, processors_table, transfers, transfers_table,
};
use super::people::{contact, lines};
use crate::pdf::blocks::{TocEntry, bullets, fields, paragraph, section_title};
use crate::pdf::page::Anchor;
use dpadesk_model::{
    Activity, ActivityStatus, Art10Basis, DataSensitivity, Purpose, RecipientKind,
};

/// The reference and name as the table of contents shows them.
pub fn title_of(a: &Activity) -> String {
    let name = if a.name.trim().is_empty() {
        "—"
    } else {
        a.name.trim()
    };
    if a.reference.trim().is_empty() {
        name.to_string()
    } else {
        format!("{} {name}", a.reference.trim())
    }
}

/// One row per activity: what an auditor scans first.
pub fn overview(ctx: &mut Ctx, activities: &[&Activity]) {
    let w = ctx.w;
    let rows = activities
        .iter()
        .map(|a| {
            let mut bases: Vec<char> = a.purposes.iter().map(|p| p.legal_basis.letter()).collect();
            bases.sort();
            bases.dedup();
            let bases = if bases.is_empty() {
                w.get("doc.none").to_string()
            } else {
                w.fill(
                    "overview.bases",
                    &[(
                        "letters",
                        &bases
                            .iter()
                            .map(char::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                    )],
                )
            };
            let sensitive: Vec<&str> = [DataSensitivity::Special, DataSensitivity::Criminal]
                .into_iter()
                .filter(|s| a.has_sensitivity(*s))
                .map(|s| w.value("sensitivity.short", &s))
                .collect();
            let third = !transfers(ctx, &[a.id], &a.vendor_ids(), &documented(a)).is_empty();
            vec![
                a.reference.trim().to_string(),
                lines(&[a.name.trim(), w.value("status", &a.status)]),
                a.owner.department.trim().to_string(),
                bases,
                if sensitive.is_empty() {
                    w.get("doc.no").to_string()
                } else {
                    sensitive.join(", ")
                },
                w.get(if third { "doc.yes" } else { "doc.no" }).to_string(),
                w.get(if a.dpia_required { "doc.yes" } else { "doc.no" })
                    .to_string(),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("col.ref"), 0.1),
        (ctx.get("col.activity"), 0.27),
        (ctx.get("col.owner"), 0.17),
        (ctx.get("col.bases"), 0.13),
        (ctx.get("col.sensitive"), 0.13),
        (ctx.get("col.third_countries"), 0.1),
        (ctx.get("col.dpia"), 0.1),
    ];
    ctx.table(&cols, rows);
}

fn documented(a: &Activity) -> Vec<(String, &dpadesk_model::TransferRecord)> {
    a.transfers.iter().map(|t| (a.name.clone(), t)).collect()
}

/// The activity's section, starting on a new page.
pub fn section(ctx: &mut Ctx, a: &Activity, anchor: Anchor, toc: &TocEntry) {
    let w = ctx.w;
    ctx.flow.new_page();
    let kicker = if a.reference.trim().is_empty() {
        w.get("activity.kicker").to_string()
    } else {
        w.fill("activity.kicker_ref", &[("ref", a.reference.trim())])
    };
    let name = if a.name.trim().is_empty() {
        w.get("doc.none")
    } else {
        a.name.trim()
    };
    section_title(&mut ctx.flow, &kicker, name, anchor, &toc.title);
    if !a.description.trim().is_empty() {
        paragraph(&mut ctx.flow, &a.description);
        ctx.flow.gap(4.0);
    }

    ctx.item("activity.general", "");
    fields(
        &mut ctx.flow,
        vec![
            (
                w.get("field.status").into(),
                w.value("status", &a.status).into(),
            ),
            (
                w.get("field.department").into(),
                a.owner.department.trim().to_string(),
            ),
            (w.get("field.contact").into(), contact(&a.owner.contact)),
            (
                w.get("field.reviewed_on").into(),
                w.date_or_dash(a.reviewed_on),
            ),
            (
                w.get("field.next_review_on").into(),
                w.date_or_dash(a.next_review_on),
            ),
            (w.get("field.systems").into(), a.systems.join("; ")),
            (w.get("field.locations").into(), a.data_locations.join("; ")),
            (
                w.get("field.links").into(),
                a.links
                    .iter()
                    .map(|l| {
                        if l.label.trim().is_empty() {
                            l.target.trim().to_string()
                        } else {
                            format!("{}: {}", l.label.trim(), l.target.trim())
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ],
    );
    if a.status == ActivityStatus::Retired {
        ctx.flow.gap(2.0);
        let note = w.get("activity.retired_note");
        crate::pdf::blocks::note(&mut ctx.flow, note);
    }

    ctx.item("activity.purposes", "art.purposes");
    let rows = a.purposes.iter().map(|p| purpose_row(ctx, p)).collect();
    let cols = [
        (ctx.get("col.purpose"), 0.36),
        (ctx.get("col.legal_basis"), 0.32),
        (ctx.get("col.condition"), 0.32),
    ];
    ctx.table(&cols, rows);

    ctx.item("activity.subjects", "art.subjects");
    let subjects: Vec<String> = a
        .subject_categories
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    if subjects.is_empty() {
        ctx.none();
    } else {
        bullets(&mut ctx.flow, &subjects);
    }

    ctx.item("activity.data", "art.data");
    let rows = a
        .data_categories
        .iter()
        .map(|c| {
            vec![
                c.name.trim().to_string(),
                w.value("sensitivity", &c.sensitivity).to_string(),
                c.retention
                    .as_ref()
                    .map_or_else(|| w.get("retention.none").to_string(), |r| w.retention(r)),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("col.data_category"), 0.36),
        (ctx.get("col.sensitivity"), 0.24),
        (ctx.get("col.retention"), 0.4),
    ];
    ctx.table(&cols, rows);

    ctx.item("activity.recipients", "art.recipients");
    let rows = a
        .recipients
        .iter()
        .map(|r| {
            vec![
                r.name.trim().to_string(),
                w.value("recipient", &r.kind).to_string(),
                r.country
                    .as_ref()
                    .map(|c| w.country(c.as_str()))
                    .unwrap_or_else(|| w.get("doc.none").to_string()),
            ]
        })
        .collect();
    let cols = [
        (ctx.get("col.recipient"), 0.46),
        (ctx.get("col.kind"), 0.3),
        (ctx.get("col.country"), 0.24),
    ];
    ctx.table(&cols, rows);

    ctx.item("activity.processors", "art.processors");
    let processors: Vec<(String, Option<dpadesk_model::Id>)> = a
        .recipients
        .iter()
        .filter(|r| r.kind == RecipientKind::Processor)
        .map(|r| (r.name.trim().to_string(), r.vendor_id))
        .collect();
    let rows = processor_rows(ctx, &processors);
    processors_table(ctx, rows);

    ctx.item("activity.transfers", "art.transfers");
    let rows = transfers(ctx, &[a.id], &a.vendor_ids(), &documented(a));
    transfers_table(ctx, &rows);

    ctx.item("activity.measures", "art.measures");
    measures_table(ctx, &a.measure_ids);

    ctx.item("activity.dpia", "art.dpia");
    let dpia = match (a.dpia_required, a.dpia_reference.trim()) {
        (false, _) => w.get("dpia.not_required").to_string(),
        (true, "") => w.get("dpia.required_no_ref").to_string(),
        (true, reference) => w.fill("dpia.required_ref", &[("ref", reference)]),
    };
    paragraph(&mut ctx.flow, &dpia);
}

fn purpose_row(ctx: &Ctx, p: &Purpose) -> Vec<String> {
    let w = &ctx.w;
    let condition = match (&p.art9_condition, &p.art10_basis) {
        (None, None) => w.get("condition.none").to_string(),
        (art9, art10) => lines(&[
            &art9
                .map(|c| w.value("art9", &c).to_string())
                .unwrap_or_default(),
            &art10
                .as_ref()
                .map(|b| match b {
                    Art10Basis::OfficialAuthority => w.get("art10.official_authority").to_string(),
                    Art10Basis::AuthorisedByLaw { law } => {
                        lines(&[w.get("art10.authorised_by_law"), law.trim()])
                    }
                })
                .unwrap_or_default(),
        ]),
    };
    vec![
        p.description.trim().to_string(),
        lines(&[w.value("basis", &p.legal_basis), p.basis_detail.trim()]),
        condition,
    ]
}
