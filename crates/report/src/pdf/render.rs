//! Laid-out pages to PDF bytes through printpdf: every page gets the running header (the
//! organisation and the document's title) and footer (a note and "page X of Y"), now that
//! the number of pages is known; anchors' page numbers are filled in, links and the outline
//! point at their pages.

use super::flow::Laid;
use super::fonts::{Face, font};
use super::page::Item;
use super::style::{
    CONTENT_WIDTH, Colour, FAINT, MARGIN_LEFT, PAGE_HEIGHT, PAGE_WIDTH, RULE, SMALL, Style,
};
use super::wrap::fit;
use crate::ReportError;
use chrono::NaiveDate;
use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, FontId, Line, LineCapStyle,
    LineDashPattern, LinePoint, LinkAnnotation, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, TextMatrix, WindingOrder,
};
use std::collections::HashMap;

/// What runs around the body of every page.
#[derive(Debug)]
pub struct Frame<'a> {
    /// The document's title: in the header and the PDF's properties.
    pub title: &'a str,
    pub organisation: &'a str,
    /// Left in the footer, e.g. the date of issue.
    pub note: &'a str,
    /// "Page {page} of {pages}" in the document's language.
    pub page_of: &'a str,
    pub issued_on: NaiveDate,
    /// The language code for the PDF's properties.
    pub lang: &'a str,
}

const HEADER_BASELINE: f32 = 42.0;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 34.0;

pub fn render(laid: Laid, frame: &Frame) -> Result<Vec<u8>, ReportError> {
    let mut doc = PdfDocument::new(frame.title);
    doc.metadata.info.author = frame.organisation.to_string();
    doc.metadata.info.creator = "DPA Desk".to_string();
    doc.metadata.info.producer = "DPA Desk".to_string();
    doc.metadata.info.subject = frame.title.to_string();
    doc.metadata.info.keywords = vec!["GDPR".to_string(), frame.lang.to_string()];
    if let Some(ts) = frame
        .issued_on
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        && let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(ts)
    {
        doc.metadata.info.creation_date = date;
        doc.metadata.info.modification_date = date;
        doc.metadata.info.metadata_date = date;
    }
    let fonts: HashMap<Face, FontId> = Face::ALL
        .into_iter()
        .map(|face| (face, doc.add_font(font(face).parsed())))
        .collect();
    let total = laid.pages.len();
    let number_of = |anchor| laid.at(anchor).map(|(page, _)| page + 1);
    let mut pages = Vec::with_capacity(total);
    for (index, page) in laid.pages.iter().enumerate() {
        let mut items: Vec<Item> = running(frame, index + 1, total);
        items.extend(page.items.iter().cloned());
        let mut shapes = Vec::new();
        let mut texts = Texts::new(&fonts);
        let mut links = Vec::new();
        for item in items {
            match item {
                Item::Text {
                    x,
                    baseline,
                    style,
                    text,
                } => texts.show(x, baseline, style, &text),
                Item::PageNumber {
                    right,
                    baseline,
                    style,
                    anchor,
                } => {
                    let text = number_of(anchor).map(|n| n.to_string()).unwrap_or_default();
                    texts.show(right - style.width(&text), baseline, style, &text);
                }
                Item::Rect {
                    x,
                    top,
                    width,
                    height,
                    fill,
                } => {
                    shapes.push(Op::SetFillColor { col: colour(fill) });
                    shapes.push(Op::DrawRectangle {
                        rectangle: Rect {
                            mode: Some(PaintMode::Fill),
                            winding_order: Some(WindingOrder::NonZero),
                            ..Rect::from_xywh(
                                Pt(x),
                                Pt(PAGE_HEIGHT - top - height),
                                Pt(width),
                                Pt(height),
                            )
                        },
                    });
                }
                Item::Line {
                    points,
                    width,
                    colour: c,
                    closed,
                    dashed,
                } => {
                    shapes.push(Op::SetOutlineColor { col: colour(c) });
                    shapes.push(Op::SetOutlineThickness { pt: Pt(width) });
                    if dashed {
                        shapes.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::new(0.0, &[2.5, 3.0]),
                        });
                    }
                    shapes.push(Op::DrawLine {
                        line: Line {
                            points: points.into_iter().map(point).collect(),
                            is_closed: closed,
                        },
                    });
                    if dashed {
                        shapes.push(Op::SetLineDashPattern {
                            dash: LineDashPattern::solid(),
                        });
                    }
                }
                Item::Shape {
                    rings,
                    fill,
                    stroke,
                } => {
                    shapes.push(Op::SetFillColor { col: colour(fill) });
                    let mode = match stroke {
                        Some((c, w)) => {
                            shapes.push(Op::SetOutlineColor { col: colour(c) });
                            shapes.push(Op::SetOutlineThickness { pt: Pt(w) });
                            PaintMode::FillStroke
                        }
                        None => PaintMode::Fill,
                    };
                    shapes.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: rings
                                .into_iter()
                                .map(|ring| PolygonRing {
                                    points: ring.into_iter().map(point).collect(),
                                })
                                .collect(),
                            mode,
                            winding_order: WindingOrder::EvenOdd,
                        },
                    });
                }
                Item::Link {
                    x,
                    top,
                    width,
                    height,
                    anchor,
                } => {
                    if let Some((page, y)) = laid.at(anchor) {
                        links.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                Rect::from_xywh(
                                    Pt(x),
                                    Pt(PAGE_HEIGHT - top - height),
                                    Pt(width),
                                    Pt(height),
                                ),
                                Actions::Goto(Destination::Xyz {
                                    page: page + 1,
                                    left: None,
                                    top: Some(PAGE_HEIGHT - y + 12.0),
                                    zoom: None,
                                }),
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                Some(ColorArray::Transparent),
                                None,
                            ),
                        });
                    }
                }
            }
        }
        let mut ops = vec![Op::SetLineCapStyle {
            cap: LineCapStyle::Round,
        }];
        ops.extend(shapes);
        ops.extend(texts.finish());
        ops.extend(links);
        pages.push(PdfPage::new(
            printpdf::Mm::from(Pt(PAGE_WIDTH)),
            printpdf::Mm::from(Pt(PAGE_HEIGHT)),
            ops,
        ));
    }
    for (title, anchor) in &laid.outline {
        if let Some((page, _)) = laid.at(*anchor) {
            doc.add_bookmark(title, page + 1);
        }
    }
    let mut warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(
        &PdfSaveOptions {
            // Our fonts are already cut down to the scripts a register uses.
            subset_fonts: false,
            ..PdfSaveOptions::default()
        },
        &mut warnings,
    );
    if let Some(w) = warnings
        .iter()
        .find(|w| w.severity == printpdf::PdfParseErrorSeverity::Error)
    {
        return Err(ReportError::Write {
            format: "PDF",
            message: w.msg.clone(),
        });
    }
    Ok(bytes)
}

/// The header and footer of page `number` of `total`.
fn running(frame: &Frame, number: usize, total: usize) -> Vec<Item> {
    let style = SMALL.with_colour(FAINT);
    let right = MARGIN_LEFT + CONTENT_WIDTH;
    let page = frame
        .page_of
        .replace("{page}", &number.to_string())
        .replace("{pages}", &total.to_string());
    let half = CONTENT_WIDTH / 2.0 - 12.0;
    let title = fit(frame.title, &style, half);
    let note_room = CONTENT_WIDTH - style.width(&page) - 24.0;
    vec![
        Item::Text {
            x: MARGIN_LEFT,
            baseline: HEADER_BASELINE,
            style,
            text: fit(frame.organisation, &style, half),
        },
        Item::Text {
            x: right - style.width(&title),
            baseline: HEADER_BASELINE,
            style,
            text: title,
        },
        Item::hline(MARGIN_LEFT, right, HEADER_BASELINE + 7.0, 0.5, RULE),
        Item::hline(MARGIN_LEFT, right, FOOTER_BASELINE - 12.0, 0.5, RULE),
        Item::Text {
            x: MARGIN_LEFT,
            baseline: FOOTER_BASELINE,
            style,
            text: fit(frame.note, &style, note_room),
        },
        Item::Text {
            x: right - style.width(&page),
            baseline: FOOTER_BASELINE,
            style,
            text: page,
        },
    ]
}

/// The text of one page in a single text object, font and colour set only when they change.
struct Texts<'a> {
    fonts: &'a HashMap<Face, FontId>,
    ops: Vec<Op>,
    face: Option<(Face, f32)>,
    colour: Option<Colour>,
}

impl<'a> Texts<'a> {
    fn new(fonts: &'a HashMap<Face, FontId>) -> Self {
        Self {
            fonts,
            ops: vec![Op::StartTextSection],
            face: None,
            colour: None,
        }
    }

    fn show(&mut self, x: f32, baseline: f32, style: Style, text: &str) {
        if text.is_empty() {
            return;
        }
        if self.face != Some((style.face, style.size))
            && let Some(id) = self.fonts.get(&style.face)
        {
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(id.clone()),
                size: Pt(style.size),
            });
            self.face = Some((style.face, style.size));
        }
        if self.colour != Some(style.colour) {
            self.ops.push(Op::SetFillColor {
                col: colour(style.colour),
            });
            self.colour = Some(style.colour);
        }
        self.ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(PAGE_HEIGHT - baseline)),
        });
        self.ops.push(Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        });
    }

    fn finish(mut self) -> Vec<Op> {
        self.ops.push(Op::EndTextSection);
        self.ops
    }
}

fn colour(c: Colour) -> Color {
    let f = |v: u8| f32::from(v) / 255.0;
    Color::Rgb(Rgb::new(f(c.0), f(c.1), f(c.2), None))
}

fn point((x, y): (f32, f32)) -> LinePoint {
    LinePoint {
        p: Point {
            x: Pt(x),
            y: Pt(PAGE_HEIGHT - y),
        },
        bezier: false,
    }
}
