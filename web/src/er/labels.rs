//! Where relationship-end labels go: beside their line, just off the box
//! side it leaves, stepping away from the box until clear of the boxes and
//! the labels already placed.

use super::layout::{Rect, CHAR_W, LABEL_H};
use super::route::P;

/// Where a label goes relative to its point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Place {
    Left,
    Right,
}

/// Estimated width of a label's two lines (name 12px, note 10.5px).
pub fn width(line1: &str, line2: &str) -> f64 {
    (line1.chars().count() as f64 * CHAR_W).max(line2.chars().count() as f64 * 6.4)
}

/// The extent of a label anchored at `p` (its first baseline, 4px below `p`).
pub fn rect(p: P, place: Place, w: f64, lines: usize) -> Rect {
    let x = match place {
        Place::Left => p.0 - 8.0 - w,
        Place::Right => p.0 + 8.0,
    };
    Rect {
        x,
        y: p.1 - 8.0,
        w,
        h: 13.0 * lines.saturating_sub(1) as f64 + 16.0,
    }
}

fn overlap(a: &Rect, b: &Rect) -> f64 {
    let w = (a.x + a.w).min(b.x + b.w) - a.x.max(b.x);
    let h = (a.y + a.h).min(b.y + b.h) - a.y.max(b.y);
    if w > 0.0 && h > 0.0 {
        w * h
    } else {
        0.0
    }
}

pub struct Placer {
    taken: Vec<Rect>,
}

impl Placer {
    pub fn new(boxes: &[Rect]) -> Placer {
        Placer {
            taken: boxes.to_vec(),
        }
    }

    pub fn reserve(&mut self, r: Rect) {
        self.taken.push(r);
    }

    /// A place for the label of the end at `a`, whose line leaves towards
    /// `next` (vertically), within `room` of the box side.
    pub fn place(&mut self, a: P, next: P, w: f64, lines: usize, room: f64) -> (P, Place) {
        let h = 13.0 * lines.saturating_sub(1) as f64 + 16.0;
        let down = next.1 > a.1;
        // On the side the line turns away from, so the label stays clear of it.
        let sides = if next.0 > a.0 + 1.0 {
            [Place::Left, Place::Right]
        } else {
            [Place::Right, Place::Left]
        };
        let steps = ((room - h - 6.0) / (LABEL_H / 2.0)).floor().max(0.0) as usize;
        let mut best: Option<(f64, P, Place)> = None;
        for i in 0..=steps {
            let depth = 4.0 + i as f64 * LABEL_H / 2.0;
            let y = if down {
                a.1 + depth + 8.0
            } else {
                a.1 - depth - h + 8.0
            };
            for &s in &sides {
                let p = (a.0, y);
                let r = rect(p, s, w, lines);
                let hit: f64 = self.taken.iter().map(|t| overlap(&r, t)).sum();
                // Deeper or on the far side only when it helps.
                let cost = hit + i as f64 + if s == sides[0] { 0.0 } else { 0.5 };
                if best.is_none_or(|b| cost < b.0) {
                    best = Some((cost, p, s));
                }
                if hit == 0.0 {
                    break;
                }
            }
            if best.is_some_and(|b| b.0 < (i + 1) as f64) {
                break;
            }
        }
        let (_, p, s) = best.unwrap_or((0.0, a, sides[0]));
        self.taken.push(rect(p, s, w, lines));
        (p, s)
    }
}
