//! The objection letter: the organisation's formal objection, under Art. 28(2) GDPR and its
//! data processing agreement, to subprocessors a vendor added or changed: sender, recipient,
//! place and date, subject, references, the changes objected to, the reasons as the user
//! typed them, and a signature block.

use crate::pdf::blocks::fields;
use crate::pdf::flow::Flow;
use crate::pdf::fonts::Face;
use crate::pdf::page::Item;
use crate::pdf::render::{Frame, render};
use crate::pdf::style::{
    BODY, BODY_TOP, CONTENT_WIDTH, INK, MARGIN_LEFT, MUTED, RULE, SMALL, SUBHEADING, Style,
};
use crate::pdf::table::Grid;
use crate::pdf::wrap::{fit, wrap};
use crate::register::people::{lines, reach};
use crate::wording::Words;
use crate::{Lang, ReportError};
use chrono::NaiveDate;
use dpadesk_model::{Dpa, Organisation, SubprocessorEntry, Vendor};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the letter says; the window fills it from a reviewed list change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ObjectionLetter {
    pub organisation: Organisation,
    pub vendor: Vendor,
    /// The agreement with the vendor, when there is one.
    pub dpa: Option<Dpa>,
    /// When the vendor's notice of the change arrived.
    pub received_on: Option<NaiveDate>,
    /// The last day to object under the agreement.
    pub object_by: Option<NaiveDate>,
    pub added: Vec<SubprocessorEntry>,
    pub changed: Vec<SubprocessorEntry>,
    /// Why the organisation objects, as the user typed it.
    pub reasons: String,
    /// Where the letter is signed, e.g. "Łódź".
    pub place: String,
    pub issued_on: NaiveDate,
}

/// The signature line, the name under it and the DPO's line.
const SIGNATURE_HEIGHT: f32 = 90.0;

pub fn objection_letter_pdf(letter: &ObjectionLetter, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let w = Words::new(lang);
    let mut flow = Flow::new();
    let org = &letter.organisation;
    let vendor = &letter.vendor;
    let country = |c: Option<&dpadesk_model::CountryCode>| {
        c.map(|c| w.country(c.as_str())).unwrap_or_default()
    };

    // Sender on the left, place and date on the right, recipient below.
    flow.set_y(BODY_TOP + 4.0);
    let top = flow.y();
    let date_line = if letter.place.trim().is_empty() {
        w.date(letter.issued_on)
    } else {
        w.fill(
            "letter.place_date",
            &[
                ("place", letter.place.trim()),
                ("date", &w.date(letter.issued_on)),
            ],
        )
    };
    let date_line = fit(&date_line, &BODY, CONTENT_WIDTH / 2.0);
    flow.push(Item::Text {
        x: MARGIN_LEFT + CONTENT_WIDTH - BODY.width(&date_line),
        baseline: top + BODY.baseline_offset(),
        style: BODY,
        text: date_line.clone(),
    });
    let sender_width = CONTENT_WIDTH - BODY.width(&date_line) - 24.0;
    flow.paragraph_at(
        MARGIN_LEFT,
        sender_width,
        Style::new(Face::Bold, 10.0, INK),
        org.name.trim(),
    );
    flow.paragraph_at(
        MARGIN_LEFT,
        sender_width,
        SMALL,
        &lines(&[
            org.address.trim(),
            &country(org.country.as_ref()),
            &reach(&org.email, &org.phone),
        ]),
    );

    flow.set_y(flow.y().max(top + 60.0) + 20.0);
    flow.paragraph(Style::new(Face::Bold, 10.0, INK), vendor.legal_name.trim());
    let attention = if vendor.contact.name.trim().is_empty() {
        String::new()
    } else {
        w.fill("letter.attention", &[("name", vendor.contact.name.trim())])
    };
    flow.paragraph(
        BODY,
        &lines(&[
            &attention,
            vendor.address.trim(),
            &country(vendor.country.as_ref()),
            vendor.contact.email.trim(),
        ]),
    );

    flow.set_y(flow.y() + 24.0);
    flow.paragraph(Style::new(Face::Bold, 11.5, INK), w.get("letter.subject"));
    flow.set_y(flow.y() + 6.0);
    let dpa = letter.dpa.as_ref().map(|d| {
        let version = if d.version.trim().is_empty() {
            w.get("dpa.recorded").to_string()
        } else {
            w.fill("dpa.version", &[("version", d.version.trim())])
        };
        match d.signed_on {
            Some(date) => format!(
                "{version}, {}",
                w.fill("dpa.signed_on", &[("date", &w.date(date))])
            ),
            None => version,
        }
    });
    fields(
        &mut flow,
        vec![
            (
                w.get("letter.ref_agreement").into(),
                dpa.unwrap_or_else(|| w.get("letter.agreement_unknown").to_string()),
            ),
            (
                w.get("letter.ref_notice").into(),
                letter.received_on.map(|d| w.date(d)).unwrap_or_default(),
            ),
            (
                w.get("letter.ref_deadline").into(),
                letter.object_by.map(|d| w.date(d)).unwrap_or_default(),
            ),
        ],
    );

    flow.set_y(flow.y() + 14.0);
    flow.paragraph(BODY, w.get("letter.salutation"));
    flow.gap(7.0);
    flow.paragraph(BODY, w.get("letter.intro"));
    flow.gap(7.0);
    flow.paragraph(
        BODY,
        &w.fill("letter.objection", &[("organisation", org.name.trim())]),
    );
    flow.gap(8.0);
    let rows: Vec<Vec<String>> = letter
        .added
        .iter()
        .map(|e| (w.get("letter.added"), e))
        .chain(letter.changed.iter().map(|e| (w.get("letter.changed"), e)))
        .map(|(change, e)| {
            vec![
                e.name.trim().to_string(),
                change.to_string(),
                e.service.trim().to_string(),
                lines(&[e.processing_location.trim(), &country(e.country.as_ref())])
                    .replace('\n', ", "),
            ]
        })
        .collect();
    if rows.is_empty() {
        flow.paragraph(
            Style::new(Face::Italic, 9.5, MUTED),
            w.get("letter.no_changes"),
        );
    } else {
        flow.grid(&Grid::table(
            &[
                (w.get("col.subprocessor"), 0.32),
                (w.get("letter.col_change"), 0.14),
                (w.get("col.service"), 0.28),
                (w.get("col.location"), 0.26),
            ],
            rows,
            w.get("doc.continued"),
        ));
    }

    flow.gap(12.0);
    flow.ensure(SUBHEADING.line_height() + 3.0 * BODY.line_height());
    flow.paragraph(SUBHEADING, w.get("letter.reasons"));
    flow.set_y(flow.y() + 3.0);
    flow.paragraph(BODY, &letter.reasons);
    flow.gap(10.0);
    flow.paragraph(BODY, w.get("letter.request"));
    let in_time = letter
        .object_by
        .filter(|by| letter.issued_on <= *by)
        .map(|by| w.fill("letter.in_time", &[("date", &w.date(by))]))
        .unwrap_or_default();
    let closing = w.get("letter.closing");
    // The last paragraph and the closing stay with the signature block.
    let height = |text: &str| wrap(text, &BODY, CONTENT_WIDTH).len() as f32 * BODY.line_height();
    flow.gap(7.0);
    flow.ensure(height(&in_time) + 14.0 + height(closing) + SIGNATURE_HEIGHT);
    flow.paragraph(BODY, &in_time);
    flow.gap(14.0);
    flow.paragraph(BODY, closing);
    flow.gap(34.0);
    let y = flow.y();
    flow.push(Item::hline(MARGIN_LEFT, MARGIN_LEFT + 200.0, y, 0.6, RULE));
    flow.set_y(y + 4.0);
    flow.paragraph(SMALL, w.get("letter.signature"));
    flow.paragraph(Style::new(Face::Bold, 9.5, INK), org.name.trim());
    if let Some(dpo) = org.dpo.as_ref().filter(|d| !d.name.trim().is_empty()) {
        flow.gap(12.0);
        flow.paragraph(
            SMALL,
            &w.fill(
                "letter.dpo",
                &[(
                    "dpo",
                    &[dpo.name.trim(), dpo.email.trim()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(", "),
                )],
            ),
        );
    }

    let title = w.get("letter.title");
    let note = w.fill("footer.issued", &[("date", &w.date(letter.issued_on))]);
    render(
        flow.finish(),
        &Frame {
            title,
            organisation: org.name.trim(),
            note: &note,
            page_of: w.get("footer.page_of"),
            issued_on: letter.issued_on,
            lang: lang.code(),
        },
    )
}
