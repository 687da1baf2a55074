//! The register's cover: what the document is, whose it is, who to ask (DPO, EU
//! representative), and the dates and reference data it rests on.

use super::parts::Ctx;
use super::people::{dpo_and_representative, lines};
use crate::pdf::blocks::fields;
use crate::pdf::fonts::Face;
use crate::pdf::page::Item;
use crate::pdf::style::{
    ACCENT, BODY, BODY_BOTTOM, BODY_TOP, MARGIN_LEFT, MUTED, NOTE, Style, TITLE,
};

pub fn cover(ctx: &mut Ctx, title: &str, subtitle: &str) {
    let (s, w) = (ctx.s, ctx.w);
    let o = &s.organisation;
    let flow = &mut ctx.flow;
    let top = BODY_TOP + 70.0;
    flow.set_y(top);
    flow.paragraph(
        Style::new(Face::Bold, 9.0, ACCENT),
        w.get("register.kicker"),
    );
    flow.set_y(flow.y() + 6.0);
    flow.paragraph(
        Style {
            size: 27.0,
            ..TITLE
        },
        title,
    );
    flow.set_y(flow.y() + 4.0);
    flow.paragraph(Style::new(Face::Regular, 11.5, MUTED), subtitle);
    let band_bottom = flow.y();
    // A calm accent bar beside the title block.
    flow.push(Item::Rect {
        x: MARGIN_LEFT - 18.0,
        top: top + 2.0,
        width: 3.5,
        height: band_bottom - top - 2.0,
        fill: ACCENT,
    });

    flow.set_y(band_bottom + 56.0);
    flow.paragraph(
        Style::new(Face::Bold, 17.0, crate::pdf::style::INK),
        o.name.trim(),
    );
    flow.set_y(flow.y() + 3.0);
    let address = lines(&[
        o.address.trim(),
        &o.country
            .as_ref()
            .map(|c| w.country(c.as_str()))
            .unwrap_or_default(),
        o.registration_number.trim(),
    ]);
    flow.paragraph(BODY.with_colour(MUTED), &address);

    flow.set_y(flow.y() + 34.0);
    let [dpo_row, representative_row] = dpo_and_representative(&w, o);
    fields(
        flow,
        vec![
            dpo_row,
            representative_row,
            (w.get("field.issued_on").into(), w.date(s.issued_on)),
            (w.get("field.as_of").into(), w.date(s.as_of)),
            (
                w.get("field.dataset").into(),
                s.dataset_version.trim().to_string(),
            ),
        ],
    );

    // The legal note sits at the foot of the cover, unless the fields reach down there.
    let note = w.get("register.cover_note");
    let note_height = NOTE.line_height() * 3.0;
    if flow.y() + 24.0 < BODY_BOTTOM - note_height {
        flow.set_y(BODY_BOTTOM - note_height);
    } else {
        flow.gap(18.0);
    }
    flow.paragraph(NOTE, note);
}
