//! The map of flows: the world outline of `data/world-110m.txt` (Natural Earth via
//! world-atlas, in the Equal Earth projection the window uses), the organisation's country,
//! the destinations tinted by their state and arcs to them, worst drawn last.

use crate::pdf::flow::Flow;
use crate::pdf::page::Item;
use crate::pdf::style::{ACCENT, Colour, WHITE};
use std::collections::HashMap;
use std::sync::LazyLock;

/// A closed outline, in the projection's units.
type Ring = Vec<(f32, f32)>;

struct World {
    width: f32,
    height: f32,
    /// Where arcs to a country end.
    points: HashMap<String, (f32, f32)>,
    /// Each country's rings ("-" for shapes without an ISO code).
    countries: Vec<(String, Vec<Ring>)>,
}

static WORLD: LazyLock<World> = LazyLock::new(|| parse(include_str!("../../data/world-110m.txt")));

fn parse(text: &str) -> World {
    let mut world = World {
        width: 1000.0,
        height: 490.0,
        points: HashMap::new(),
        countries: Vec::new(),
    };
    let number = |s: &str| s.parse::<f32>().unwrap_or(0.0);
    for line in text.lines() {
        let mut parts = line.split(' ');
        match parts.next() {
            Some("S") => {
                world.width = number(parts.next().unwrap_or("1000"));
                world.height = number(parts.next().unwrap_or("490"));
            }
            Some("P") => {
                if let (Some(code), Some(x), Some(y)) = (parts.next(), parts.next(), parts.next()) {
                    world
                        .points
                        .insert(code.to_string(), (number(x), number(y)));
                }
            }
            Some("R") => {
                let code = parts.next().unwrap_or("-").to_string();
                let ring: Ring = parts
                    .filter_map(|p| p.split_once(','))
                    .map(|(x, y)| (number(x), number(y)))
                    .collect();
                match world
                    .countries
                    .iter_mut()
                    .find(|(c, _)| *c == code && c != "-")
                {
                    Some((_, rings)) => rings.push(ring),
                    None => world.countries.push((code, vec![ring])),
                }
            }
            _ => {}
        }
    }
    world
}

/// Whether a country can be placed on the map.
pub fn placeable(code: &str) -> bool {
    WORLD.points.contains_key(&code.to_ascii_uppercase())
}

/// One destination as drawn: its code, colour and tint.
#[derive(Debug, Clone)]
pub struct Mark {
    pub code: String,
    pub colour: Colour,
    pub tint: Colour,
    /// Dashed arcs for flows that stay inside the EEA.
    pub dashed: bool,
}

pub const LAND: Colour = Colour(0xdf, 0xe5, 0xea);
const SEA: Colour = Colour(0xf6, 0xf8, 0xfa);

/// Draws the map at the cursor across `width`, with `origin` highlighted and an arc to each
/// mark (in the order given: later ones on top). Returns the height used.
pub fn draw(flow: &mut Flow, x: f32, width: f32, origin: Option<&str>, marks: &[Mark]) -> f32 {
    let world = &*WORLD;
    let scale = width / world.width;
    let height = world.height * scale;
    let top = flow.y();
    let at = |(px, py): (f32, f32)| (x + px * scale, top + py * scale);
    flow.push(Item::Rect {
        x,
        top,
        width,
        height,
        fill: SEA,
    });
    let origin = origin.map(str::to_ascii_uppercase);
    for (code, rings) in &world.countries {
        let fill = if origin.as_deref() == Some(code.as_str()) {
            ACCENT.lighten(0.72)
        } else {
            marks
                .iter()
                .rev()
                .find(|m| m.code == *code)
                .map_or(LAND, |m| m.tint)
        };
        flow.push(Item::Shape {
            rings: rings
                .iter()
                .map(|r| r.iter().copied().map(at).collect())
                .collect(),
            fill,
            stroke: Some((WHITE, 0.35)),
        });
    }
    let from = origin
        .as_deref()
        .and_then(|c| world.points.get(c))
        .copied()
        .map(at);
    for m in marks {
        let Some(to) = world.points.get(&m.code).copied().map(at) else {
            continue;
        };
        if let Some(from) = from
            && from != to
        {
            flow.push(Item::Line {
                points: arc(from, to),
                width: 1.3,
                colour: m.colour,
                closed: false,
                dashed: m.dashed,
            });
        }
        flow.push(dot(to, 2.2, m.colour));
    }
    if let Some(from) = from {
        flow.push(dot(from, 3.0, ACCENT));
    }
    flow.set_y(top + height);
    height
}

/// A gentle arc bowed upwards, like flight routes (as in the window's map).
fn arc(from: (f32, f32), to: (f32, f32)) -> Vec<(f32, f32)> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = dx.hypot(dy).max(0.001);
    let bow = (0.3 * length).min(60.0);
    let side = if dx >= 0.0 { 1.0 } else { -1.0 };
    let c = (
        (from.0 + to.0) / 2.0 + dy / length * bow * side,
        (from.1 + to.1) / 2.0 - dx.abs() / length * bow,
    );
    (0..=24)
        .map(|i| {
            let t = i as f32 / 24.0;
            let u = 1.0 - t;
            (
                u * u * from.0 + 2.0 * u * t * c.0 + t * t * to.0,
                u * u * from.1 + 2.0 * u * t * c.1 + t * t * to.1,
            )
        })
        .collect()
}

/// A filled circle with a white rim.
pub fn dot((cx, cy): (f32, f32), r: f32, colour: Colour) -> Item {
    let ring: Vec<(f32, f32)> = (0..16)
        .map(|i| {
            let a = i as f32 / 16.0 * std::f32::consts::TAU;
            (cx + r * a.cos(), cy + r * a.sin())
        })
        .collect();
    Item::Shape {
        rings: vec![ring],
        fill: colour,
        stroke: Some((WHITE, 0.8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_outline_has_the_countries_arcs_go_to() {
        assert!(WORLD.countries.len() > 150);
        for code in ["PL", "US", "IN", "SG", "LU", "BR"] {
            assert!(placeable(code), "{code}");
        }
        assert!(!placeable("EPO"));
        let a = arc((0.0, 100.0), (100.0, 100.0));
        assert_eq!(a.first(), Some(&(0.0, 100.0)));
        assert!(a[12].1 < 100.0, "bows upwards");
    }
}
