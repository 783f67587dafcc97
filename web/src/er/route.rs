//! The lines between tables: which connections exist (`conns`), how they
//! bundle into lanes (one per pair of tables), and each line's waypoints
//! once the layout has placed boxes and the dummy slots long lanes pass
//! through. A line leaves a box vertically from a point on its top or bottom
//! side, crosses each gap between rows as an S-curve and each row it passes
//! as a vertical run through its slot, so it never crosses a box; the ends on
//! one side are spread along it in the order of where they head.

use super::diagram::Diagram;
use super::layout::Rect;

pub type P = (f64, f64);

/// Horizontal distance between the lines of one lane.
pub const SPREAD: f64 = 8.0;

/// What a line draws: a foreign key, or a relationship's segment (1 is the
/// second half of a many-to-many, from the association table on).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    Fk(usize),
    Rel(usize, u8),
}

/// One line between two different tables; `label_*`: a relationship end's
/// name goes at that end.
#[derive(Clone, Debug, PartialEq)]
pub struct Conn {
    pub edge: Edge,
    pub from: usize,
    pub to: usize,
    pub label_from: bool,
    pub label_to: bool,
}

/// Every line between two different tables (self-references are loops, drawn apart).
pub fn conns(d: &Diagram) -> Vec<Conn> {
    let n = d.tables.len();
    let mut v = Vec::new();
    let conn = |edge, from, to, label_from, label_to| Conn {
        edge,
        from,
        to,
        label_from,
        label_to,
    };
    for (i, e) in d.fks.iter().enumerate() {
        if e.from != e.to && e.from < n && e.to < n {
            v.push(conn(Edge::Fk(i), e.from, e.to, false, false));
        }
    }
    for (i, r) in d.rels.iter().enumerate() {
        let (a, b) = (r.a.table, r.target);
        if a == b || a >= n || b >= n {
            continue;
        }
        match r.secondary.filter(|&s| s != a && s != b && s < n) {
            Some(s) => {
                v.push(conn(Edge::Rel(i, 0), a, s, true, false));
                v.push(conn(Edge::Rel(i, 1), s, b, false, true));
            }
            None => v.push(conn(Edge::Rel(i, 0), a, b, true, true)),
        }
    }
    v
}

/// The connections between one pair of tables, drawn side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    /// The upper table (the first one when both are in one row).
    pub hi: usize,
    pub lo: usize,
    /// Indices into the connections.
    pub members: Vec<usize>,
}

/// Lanes in order of first appearance; `hi` is the table in the upper row.
pub fn lanes(conns: &[Conn], row: &[usize]) -> Vec<Lane> {
    let mut out: Vec<Lane> = Vec::new();
    for (i, c) in conns.iter().enumerate() {
        let (hi, lo) = if row[c.to] < row[c.from] {
            (c.to, c.from)
        } else {
            (c.from, c.to)
        };
        match out
            .iter_mut()
            .find(|l| (l.hi, l.lo) == (hi, lo) || (l.hi, l.lo) == (lo, hi))
        {
            Some(l) => l.members.push(i),
            None => out.push(Lane {
                hi,
                lo,
                members: vec![i],
            }),
        }
    }
    out
}

/// A drawn line: waypoints from the `from` table's side to the `to` table's.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub edge: Edge,
    pub from: usize,
    pub to: usize,
    pub pts: Vec<P>,
}

/// Rows as the layout placed them: each row's top and height, the gap
/// below it.
pub struct Rows<'a> {
    pub row: &'a [usize],
    pub top: &'a [f64],
    pub height: &'a [f64],
    pub gap: &'a [f64],
}

/// Where each lane's lines go. `slots[l]`: the x of lane `l`'s slot in each
/// row strictly between its ends' rows, top to bottom.
pub fn routes(
    conns: &[Conn],
    lanes: &[Lane],
    slots: &[Vec<f64>],
    boxes: &[Rect],
    rows: &Rows,
) -> Vec<Route> {
    let row = rows.row;
    // Every line end on a box side: (table, on top, heading x, lane, member, is hi).
    let mut ends: Vec<(usize, bool, f64, usize, usize, bool)> = Vec::new();
    for (li, l) in lanes.iter().enumerate() {
        let same = row[l.hi] == row[l.lo];
        let first = slots[li].first().copied().unwrap_or(boxes[l.lo].cx());
        let last = slots[li].last().copied().unwrap_or(boxes[l.hi].cx());
        for k in 0..l.members.len() {
            ends.push((l.hi, same, first, li, k, true));
            ends.push((l.lo, true, last, li, k, false));
        }
    }
    // Spread each side's ends in the order of where they head.
    ends.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then((a.3, a.4).cmp(&(b.3, b.4)))
    });
    // (hi x, lo x) per lane member.
    let mut attach: Vec<Vec<(f64, f64)>> = lanes
        .iter()
        .map(|l| vec![(0.0, 0.0); l.members.len()])
        .collect();
    let mut i = 0;
    while i < ends.len() {
        let side = (ends[i].0, ends[i].1);
        let j = i + ends[i..].iter().take_while(|e| (e.0, e.1) == side).count();
        let b = boxes[side.0];
        let inset = (b.w / 6.0).min(12.0);
        for (k, e) in ends[i..j].iter().enumerate() {
            let x = b.x + inset + (b.w - 2.0 * inset) * (k as f64 + 0.5) / (j - i) as f64;
            let at = &mut attach[e.3][e.4];
            if e.5 {
                at.0 = x;
            } else {
                at.1 = x;
            }
        }
        i = j;
    }
    let mut out = Vec::new();
    for (li, l) in lanes.iter().enumerate() {
        let m = l.members.len();
        let (hb, lb) = (boxes[l.hi], boxes[l.lo]);
        for (k, &ci) in l.members.iter().enumerate() {
            let (ah, al) = attach[li][k];
            let pts = if row[l.hi] == row[l.lo] {
                // Side by side: over the top, through the gap above the row.
                let r = row[l.hi];
                let room = if r == 0 { 30.0 } else { rows.gap[r - 1] };
                let y = rows.top[r] - room * 0.3 - k as f64 * SPREAD / 2.0;
                vec![(ah, hb.y), (ah, y), (al, y), (al, lb.y)]
            } else {
                let off = (k as f64 - (m as f64 - 1.0) / 2.0) * SPREAD;
                let r0 = row[l.hi];
                let mut pts = vec![(ah, hb.y + hb.h)];
                let bottom = rows.top[r0] + rows.height[r0];
                if bottom - (hb.y + hb.h) > 0.5 {
                    pts.push((ah, bottom));
                }
                for (s, &x) in slots[li].iter().enumerate() {
                    let r = r0 + 1 + s;
                    pts.push((x + off, rows.top[r]));
                    pts.push((x + off, rows.top[r] + rows.height[r]));
                }
                pts.push((al, lb.y));
                pts
            };
            let c = &conns[ci];
            let mut pts = pts;
            if c.from != l.hi {
                pts.reverse();
            }
            out.push(Route {
                edge: c.edge,
                from: c.from,
                to: c.to,
                pts,
            });
        }
    }
    out
}

/// SVG path data through the waypoints: straight where a step is vertical
/// or horizontal, else an S-curve leaving and arriving vertically (so it
/// stays within the gap between the two points' rows).
pub fn path_d(pts: &[P]) -> String {
    let f = |v: f64| format!("{v:.1}");
    let mut s = String::new();
    for (i, &(x, y)) in pts.iter().enumerate() {
        if i == 0 {
            s += &format!("M{} {}", f(x), f(y));
            continue;
        }
        let (x0, y0) = pts[i - 1];
        if (x - x0).abs() < 0.5 || (y - y0).abs() < 0.5 {
            s += &format!(" L{} {}", f(x), f(y));
        } else {
            let h = (y - y0) / 2.0;
            s += &format!(
                " C{} {} {} {} {} {}",
                f(x0),
                f(y0 + h),
                f(x),
                f(y - h),
                f(x),
                f(y)
            );
        }
    }
    s
}

/// Points along the drawn path, at most `step` apart (tests and label checks).
#[cfg(test)]
pub fn flatten(pts: &[P], step: f64) -> Vec<P> {
    let mut out = pts.first().copied().into_iter().collect::<Vec<_>>();
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        let len = (x1 - x0).abs() + (y1 - y0).abs();
        let n = (len / step).ceil().max(1.0) as usize;
        let curve = (x1 - x0).abs() >= 0.5 && (y1 - y0).abs() >= 0.5;
        for i in 1..=n {
            let t = i as f64 / n as f64;
            let x = if curve {
                // Cubic with both controls at mid-height: x follows smoothstep.
                x0 + (x1 - x0) * t * t * (3.0 - 2.0 * t)
            } else {
                x0 + (x1 - x0) * t
            };
            let y = if curve {
                y0 + (y1 - y0) / 2.0 * (3.0 * t - 3.0 * t * t + 2.0 * t * t * t)
            } else {
                y0 + (y1 - y0) * t
            };
            out.push((x, y));
        }
    }
    out
}
