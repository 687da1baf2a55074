//! The transfer-risk report as a PDF: the findings of the transfer check counted by
//! severity, a world map of the flows coloured by their state, the destinations, then every
//! finding with its parties, destination, articles, explanation and remedy, in the
//! document's language.

pub(crate) mod finding_text;
mod map;

use crate::pdf::blocks::{fields, heading, item_heading, note};
use crate::pdf::flow::Flow;
use crate::pdf::fonts::Face;
use crate::pdf::page::Item;
use crate::pdf::render::{Frame, render};
use crate::pdf::style::{
    ACCENT, BODY_BOTTOM, BODY_TOP, CONTENT_WIDTH, Colour, MARGIN_LEFT, MUTED, NOTE, SMALL, Style,
    TITLE,
};
use crate::pdf::table::Grid;
use crate::pdf::wrap::wrap;
use crate::wording::Words;
use crate::{Lang, ReportError, Snapshot};
use dpadesk_model::TransferMechanism;
use dpadesk_transfer::{Finding, Severity, summary};
use map::Mark;
use std::collections::BTreeMap;

/// A hop's state: its worst finding, else in order outside the EEA or plainly within it.
/// Ordered from least to most alarming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum State {
    Eea,
    Ok,
    Finding(Severity),
}

impl State {
    fn colours(self) -> (Colour, Colour) {
        match self {
            Self::Eea => (Colour(0x2b, 0x8a, 0x3e), Colour(0xe6, 0xf4, 0xea)),
            Self::Ok => (Colour(0x0f, 0x7f, 0x7a), Colour(0xd5, 0xf0, 0xee)),
            Self::Finding(s) => severity_colours(s),
        }
    }

    fn label(self, w: &Words) -> &'static str {
        match self {
            Self::Eea => w.get("risk.state.eea"),
            Self::Ok => w.get("risk.state.ok"),
            Self::Finding(s) => w.value("severity", &s),
        }
    }
}

/// The severity colours of the window.
fn severity_colours(s: Severity) -> (Colour, Colour) {
    match s {
        Severity::Blocker => (Colour(0xc9, 0x2a, 0x2a), Colour(0xfd, 0xec, 0xec)),
        Severity::High => (Colour(0xc2, 0x41, 0x0c), Colour(0xff, 0xed, 0xd5)),
        Severity::Medium => (Colour(0x8f, 0x62, 0x00), Colour(0xff, 0xf4, 0xd1)),
        Severity::Low => (Colour(0x4a, 0x5d, 0x78), Colour(0xe8, 0xed, 0xf4)),
        Severity::Info => (Colour(0x5d, 0x65, 0x76), Colour(0xee, 0xf0, 0xf4)),
    }
}

const SEVERITIES: [Severity; 5] = [
    Severity::Blocker,
    Severity::High,
    Severity::Medium,
    Severity::Low,
    Severity::Info,
];

/// Where the flows go: per destination, its worst state, recipients and tools.
struct Destination {
    code: String,
    state: State,
    recipients: Vec<String>,
    tools: Vec<TransferMechanism>,
}

fn destinations(s: &Snapshot) -> Vec<Destination> {
    let mut out: BTreeMap<String, Destination> = BTreeMap::new();
    for hop in &s.flows {
        let third = !hop.third_countries.is_empty();
        let codes: Vec<String> = if third {
            hop.third_countries.clone()
        } else {
            hop.country.iter().cloned().collect()
        };
        let state = match (hop.status, third) {
            (Some(sev), _) => State::Finding(sev),
            (None, true) => State::Ok,
            (None, false) => State::Eea,
        };
        for code in codes {
            let d = out.entry(code.clone()).or_insert_with(|| Destination {
                code,
                state,
                recipients: Vec::new(),
                tools: Vec::new(),
            });
            d.state = d.state.max(state);
            if !d.recipients.contains(&hop.recipient) {
                d.recipients.push(hop.recipient.clone());
            }
            if !d.tools.contains(&hop.mechanism) {
                d.tools.push(hop.mechanism);
            }
        }
    }
    out.into_values().collect()
}

pub fn risk_pdf(s: &Snapshot, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let w = Words::new(lang);
    let mut flow = Flow::new();
    let title = w.get("risk.title");
    let org = &s.organisation;

    flow.set_y(BODY_TOP + 6.0);
    let start = flow.anchor();
    flow.place_bookmarked(start, title);
    flow.paragraph(Style::new(Face::Bold, 9.0, ACCENT), w.get("risk.kicker"));
    flow.set_y(flow.y() + 3.0);
    flow.paragraph(
        Style {
            size: 24.0,
            ..TITLE
        },
        title,
    );
    flow.set_y(flow.y() + 2.0);
    flow.paragraph(Style::new(Face::Regular, 11.5, MUTED), org.name.trim());
    flow.set_y(flow.y() + 10.0);
    fields(
        &mut flow,
        vec![
            (
                w.get("field.country").into(),
                org.country
                    .as_ref()
                    .map(|c| w.country(c.as_str()))
                    .unwrap_or_else(|| w.get("doc.none").to_string()),
            ),
            (w.get("field.as_of").into(), w.date(s.as_of)),
            (w.get("field.issued_on").into(), w.date(s.issued_on)),
            (
                w.get("field.dataset").into(),
                s.dataset_version.trim().to_string(),
            ),
        ],
    );

    item_heading(&mut flow, w.get("risk.by_severity"), w.get("risk.articles"));
    counts(&mut flow, &w, s);

    let dests = destinations(s);
    item_heading(&mut flow, w.get("risk.map"), "");
    map_section(&mut flow, &w, s, &dests);

    findings(&mut flow, &w, s);

    let note = w.fill("footer.issued", &[("date", &w.date(s.issued_on))]);
    render(
        flow.finish(),
        &Frame {
            title,
            organisation: org.name.trim(),
            note: &note,
            page_of: w.get("footer.page_of"),
            issued_on: s.issued_on,
            lang: lang.code(),
        },
    )
}

/// Five tiles: the count of each severity.
fn counts(flow: &mut Flow, w: &Words, s: &Snapshot) {
    let c = summary(&s.findings);
    let values = [c.blocker, c.high, c.medium, c.low, c.info];
    let gap = 8.0;
    let tile = (CONTENT_WIDTH - 4.0 * gap) / 5.0;
    let height = 46.0;
    flow.ensure(height + 6.0);
    let top = flow.y() + 2.0;
    for (i, (sev, n)) in SEVERITIES.iter().zip(values).enumerate() {
        let (colour, tint) = severity_colours(*sev);
        let x = MARGIN_LEFT + i as f32 * (tile + gap);
        let (fill, number) = if n == 0 {
            (Colour(0xf4, 0xf6, 0xf8), Colour(0x9a, 0xa3, 0xad))
        } else {
            (tint, colour)
        };
        flow.push(Item::Rect {
            x,
            top,
            width: tile,
            height,
            fill,
        });
        flow.push(Item::Rect {
            x,
            top,
            width: 2.5,
            height,
            fill: number,
        });
        let big = Style::new(Face::Bold, 17.0, number);
        flow.push(Item::Text {
            x: x + 10.0,
            baseline: top + 22.0,
            style: big,
            text: n.to_string(),
        });
        flow.push(Item::Text {
            x: x + 10.0,
            baseline: top + 37.0,
            style: SMALL,
            text: crate::pdf::wrap::fit(w.value("severity", sev), &SMALL, tile - 14.0),
        });
    }
    flow.set_y(top + height + 4.0);
}

fn map_section(flow: &mut Flow, w: &Words, s: &Snapshot, dests: &[Destination]) {
    if s.flows.is_empty() {
        note(
            flow,
            &w.fill("risk.no_flows", &[("date", &w.date(s.as_of))]),
        );
        return;
    }
    let origin = s
        .flows
        .iter()
        .find_map(|f| f.origin.clone())
        .or_else(|| s.organisation.country.as_ref().map(|c| c.to_string()));
    let mut marks: Vec<(State, Mark)> = dests
        .iter()
        .filter(|d| Some(&d.code) != origin.as_ref())
        .map(|d| {
            let (colour, tint) = d.state.colours();
            (
                d.state,
                Mark {
                    code: d.code.clone(),
                    colour,
                    tint,
                    dashed: d.state == State::Eea,
                },
            )
        })
        .collect();
    // The most alarming are drawn last, on top.
    marks.sort_by_key(|(state, _)| *state);
    let marks: Vec<Mark> = marks.into_iter().map(|(_, m)| m).collect();
    let map_height = CONTENT_WIDTH * 0.49;
    flow.ensure(map_height + 40.0);
    map::draw(flow, MARGIN_LEFT, CONTENT_WIDTH, origin.as_deref(), &marks);
    flow.set_y(flow.y() + 6.0);
    legend(flow, w, dests);

    let third = dests.iter().filter(|d| d.state != State::Eea).count();
    let problems = dests
        .iter()
        .filter(|d| matches!(d.state, State::Finding(_)))
        .count();
    let mut text = w.fill(
        "risk.map_summary",
        &[
            ("destinations", &dests.len().to_string()),
            ("third", &third.to_string()),
            ("problems", &problems.to_string()),
        ],
    );
    if origin.is_none() {
        text = format!("{text} {}", w.get("risk.no_origin"));
    }
    let hidden: Vec<String> = dests
        .iter()
        .filter(|d| !map::placeable(&d.code))
        .map(|d| w.country(&d.code))
        .collect();
    if !hidden.is_empty() {
        text = format!(
            "{text} {}",
            w.fill("risk.not_drawn", &[("list", &hidden.join(", "))])
        );
    }
    flow.set_y(flow.y() + 2.0);
    flow.paragraph(NOTE, &text);

    heading(flow, w.get("risk.destinations"));
    // The most alarming first, then by name.
    let mut sorted: Vec<(&Destination, String)> =
        dests.iter().map(|d| (d, w.country(&d.code))).collect();
    sorted.sort_by(|(a, an), (b, bn)| b.state.cmp(&a.state).then_with(|| an.cmp(bn)));
    let rows = sorted
        .into_iter()
        .map(|(d, _)| {
            vec![
                crate::countries::country_with_code(&d.code, w.lang),
                d.state.label(w).to_string(),
                d.recipients.join("; "),
                d.tools
                    .iter()
                    .map(|m| w.value("mechanism", m))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    let grid = Grid::table(
        &[
            (w.get("col.destination"), 0.24),
            (w.get("col.state"), 0.16),
            (w.get("col.recipients"), 0.34),
            (w.get("col.tools"), 0.26),
        ],
        rows,
        w.get("doc.continued"),
    );
    flow.grid(&grid);
}

/// The states present on the map, each with its colour.
fn legend(flow: &mut Flow, w: &Words, dests: &[Destination]) {
    let mut states: Vec<State> = dests.iter().map(|d| d.state).collect();
    states.sort();
    states.dedup();
    states.reverse();
    let mut x = MARGIN_LEFT;
    let y = flow.y();
    let baseline = y + SMALL.baseline_offset();
    let mut entry = |flow: &mut Flow, colour: Colour, label: &str| {
        let width = 14.0 + SMALL.width(label) + 14.0;
        if x + width > MARGIN_LEFT + CONTENT_WIDTH {
            return;
        }
        flow.push(map::dot((x + 3.0, y + 5.0), 3.0, colour));
        flow.push(Item::Text {
            x: x + 10.0,
            baseline,
            style: SMALL,
            text: label.to_string(),
        });
        x += width;
    };
    entry(flow, ACCENT, w.get("risk.origin"));
    for state in states {
        entry(flow, state.colours().0, state.label(w));
    }
    flow.set_y(y + SMALL.line_height() + 2.0);
}

fn findings(flow: &mut Flow, w: &Words, s: &Snapshot) {
    // A new page unless most of this one is still free.
    if flow.room() < (BODY_BOTTOM - BODY_TOP) * 0.6 {
        flow.new_page();
    } else {
        flow.gap(24.0);
    }
    let anchor = flow.anchor();
    flow.place_bookmarked(anchor, w.get("risk.findings"));
    flow.paragraph(TITLE, w.get("risk.findings"));
    flow.set_y(flow.y() + 5.0);
    flow.rule(ACCENT, 1.2);
    flow.set_y(flow.y() + 10.0);
    if s.findings.is_empty() {
        note(flow, &w.fill("risk.none", &[("date", &w.date(s.as_of))]));
        return;
    }
    flow.paragraph(crate::pdf::style::BODY, w.get("risk.findings_lead"));
    for sev in SEVERITIES {
        let list: Vec<&Finding> = s.findings.iter().filter(|f| f.severity == sev).collect();
        if list.is_empty() {
            continue;
        }
        let title = format!("{} · {}", w.value("severity", &sev), list.len());
        flow.gap(8.0);
        flow.ensure(120.0);
        let anchor = flow.anchor();
        flow.place_bookmarked(anchor, &title);
        heading(flow, &title);
        for f in list {
            finding(flow, w, f);
        }
    }
}

/// One finding: a bar in its severity's colour beside its title and particulars.
fn finding(flow: &mut Flow, w: &Words, f: &Finding) {
    let (colour, _) = severity_colours(f.severity);
    let title = w.value("rule", &f.rule);
    let title_style = Style::new(Face::Bold, 10.0, crate::pdf::style::INK);
    let lines = wrap(title, &title_style, CONTENT_WIDTH - 80.0);
    flow.gap(6.0);
    flow.ensure(lines.len() as f32 * title_style.line_height() + 60.0);
    let (start_page, start_y) = (flow.page_index(), flow.y());
    let badge = Style::new(Face::Bold, 7.5, colour);
    let label = w.value("severity", &f.severity);
    flow.push(Item::Text {
        x: MARGIN_LEFT + CONTENT_WIDTH - badge.width(label),
        baseline: start_y + title_style.baseline_offset(),
        style: badge,
        text: label.to_string(),
    });
    for line in &lines {
        flow.line(MARGIN_LEFT, title_style, line);
    }
    flow.set_y(flow.y() + 2.0);
    let mut rows: Vec<(String, String)> = Vec::new();
    if let Some(a) = &f.activity {
        rows.push((w.get("risk.activity").into(), a.name.clone()));
    }
    if let Some(c) = &f.client {
        rows.push((w.get("risk.client").into(), c.name.clone()));
    }
    if let Some(v) = &f.vendor {
        rows.push((w.get("risk.vendor").into(), v.name.clone()));
    }
    if !f.chain.is_empty() {
        rows.push((w.get("risk.chain").into(), f.chain.join(" › ")));
    }
    if let Some(d) = &f.destination {
        rows.push((
            w.get("risk.destination").into(),
            crate::countries::country_with_code(d, w.lang),
        ));
    }
    rows.push((w.get("risk.found").into(), finding_text::message(w, f)));
    rows.push((w.get("risk.remedy").into(), finding_text::remedy(w, f)));
    let recorded = finding_text::recorded_in(w, f);
    if !recorded.is_empty() {
        rows.push((w.get("risk.recorded_in").into(), recorded));
    }
    if !f.articles.is_empty() {
        rows.push((w.get("risk.legal").into(), f.articles.join(", ")));
    }
    fields(flow, rows);
    bar(flow, start_page, start_y, colour);
}

/// A thin bar left of a block from where it started to the cursor, on every page it spans.
fn bar(flow: &mut Flow, page: usize, top: f32, colour: Colour) {
    let x = MARGIN_LEFT - 12.0;
    let end = flow.y();
    let now = flow.page_index();
    let piece = |flow: &mut Flow, p: usize, from: f32, to: f32| {
        if to > from {
            flow.push_to(
                p,
                Item::Rect {
                    x,
                    top: from,
                    width: 2.5,
                    height: to - from,
                    fill: colour,
                },
            );
        }
    };
    if page == now {
        piece(flow, page, top, end);
    } else {
        piece(flow, page, top, BODY_BOTTOM);
        for p in page + 1..now {
            piece(flow, p, BODY_TOP, BODY_BOTTOM);
        }
        piece(flow, now, BODY_TOP, end);
    }
}
