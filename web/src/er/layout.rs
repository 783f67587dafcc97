//! A small layered (Sugiyama-style) layout: tables referenced by foreign
//! keys sit above the tables that reference them; a layer wider than a cap
//! wraps onto several rows, the cap chosen so the drawing best fills the
//! pane's shape; lines spanning rows pass through slots ("dummy nodes")
//! ordered with the tables by barycenter, so they never cross a box
//! (`route.rs`). Sizes come from a monospace estimate of the text (the SVG's
//! text is monospace, see web/style.css).

use super::diagram::Diagram;
use super::place;
use super::route::{self, Conn, Route};

/// Width of one character of the diagram's 12px monospace text.
pub const CHAR_W: f64 = 7.3;
pub const ROW_H: f64 = 18.0;
pub const HEAD_H: f64 = 26.0;
pub const PAD: f64 = 8.0;
/// Characters reserved for the PK/FK mark before each column name.
pub const MARK_CHARS: usize = 3;
const H_GAP: f64 = 48.0;
/// Gap between rows without labels; each stacked label adds `LABEL_H`.
const MIN_GAP: f64 = 56.0;
pub const LABEL_H: f64 = 30.0;
const MARGIN: f64 = 20.0;
/// Room left of a box for a self-referential loop and its labels.
const LOOP_ROOM: f64 = 150.0;
/// The pane's shape when it is not known (hidden): landscape.
const DEFAULT_PANE: (f64, f64) = (4.0, 3.0);

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// One per `Diagram::tables`, same order.
    pub boxes: Vec<Rect>,
    pub width: f64,
    pub height: f64,
    /// The lines between different tables (self-references are loops).
    pub routes: Vec<Route>,
    /// Per table: free height above and below its box (for end labels).
    pub room: Vec<(f64, f64)>,
}

impl Layout {
    pub fn route(&self, e: route::Edge) -> Option<&Route> {
        self.routes.iter().find(|r| r.edge == e)
    }
}

/// The header text of a table box: `parent · Parent`.
pub fn header_text(t: &super::diagram::TableBox) -> String {
    if t.classes.is_empty() {
        t.name.clone()
    } else {
        format!("{} · {}", t.name, t.classes.join(", "))
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Box size from its text.
pub fn box_size(t: &super::diagram::TableBox) -> (f64, f64) {
    let name_w = t.columns.iter().map(|c| chars(&c.name)).max().unwrap_or(0);
    let type_w = t.columns.iter().map(|c| chars(&c.type_)).max().unwrap_or(0);
    let row = MARK_CHARS + name_w + 2 + type_w;
    let head = chars(&header_text(t)) + 1;
    let w = (row.max(head) as f64) * CHAR_W + 2.0 * PAD;
    let h = HEAD_H + ROW_H * t.columns.len().max(1) as f64 + PAD / 2.0;
    (w.max(110.0), h)
}

/// Each table's layer: 0 for tables that reference no other, else one below
/// the deepest table they reference. Foreign keys that close a cycle are ignored.
fn layers(n: usize, edges: &[(usize, usize)]) -> Vec<usize> {
    // Drop back edges with an iterative DFS (child → parent).
    let mut state = vec![0u8; n]; // 0 new, 1 on stack, 2 done
    let mut kept = Vec::new();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            let out: Vec<usize> = edges.iter().filter(|e| e.0 == v).map(|e| e.1).collect();
            if *k < out.len() {
                let w = out[*k];
                *k += 1;
                match state[w] {
                    0 => {
                        kept.push((v, w));
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    2 => kept.push((v, w)),
                    _ => {} // a cycle: ignore this edge
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    // Longest path over the acyclic edges (at most n rounds).
    let mut layer = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(child, parent) in &kept {
            if layer[child] < layer[parent] + 1 {
                layer[child] = layer[parent] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    layer
}

/// The layout for a pane of unknown shape.
#[cfg(test)]
pub fn layout(d: &Diagram) -> Layout {
    layout_for(d, DEFAULT_PANE.0, DEFAULT_PANE.1)
}

/// The layout that, fitted into a `w`×`h` pane, comes out largest: every
/// cap on the tables per row is tried, with rows aligned on their lines or
/// just centred (narrower), cheap for the 2–15 tables shown.
pub fn layout_for(d: &Diagram, w: f64, h: f64) -> Layout {
    let Some(g) = Graph::new(d) else {
        return Layout::default();
    };
    let widest = g.layers.iter().map(Vec::len).max().unwrap_or(1);
    let (w, h) = if w > 0.0 && h > 0.0 {
        (w, h)
    } else {
        DEFAULT_PANE
    };
    let mut best: Option<(f64, Layout)> = None;
    for (cap, align) in (1..=widest).flat_map(|c| [(c, true), (c, false)]) {
        let l = g.build(cap, align);
        let scale = (w / l.width).min(h / l.height);
        if best.as_ref().is_none_or(|b| scale > b.0 * 1.001) {
            best = Some((scale, l));
        }
    }
    best.map(|b| b.1).unwrap_or_default()
}

/// What every candidate layout shares: sizes, layers (ordered), connections.
struct Graph {
    /// Box size, and the room on its left for a self-loop.
    sizes: Vec<(f64, f64, f64)>,
    layers: Vec<Vec<usize>>,
    conns: Vec<Conn>,
    /// Relationship ends drawn at each table's top or bottom: (table, other end's table).
    labels: Vec<(usize, usize)>,
}

impl Graph {
    fn new(d: &Diagram) -> Option<Graph> {
        let n = d.tables.len();
        if n == 0 {
            return None;
        }
        let conns = route::conns(d);
        let fk_edges: Vec<(usize, usize)> = d
            .fks
            .iter()
            .filter(|e| e.from != e.to && e.from < n && e.to < n)
            .map(|e| (e.from, e.to))
            .collect();
        let layer = layers(n, &fk_edges);
        let mut layers_v: Vec<Vec<usize>> =
            vec![Vec::new(); layer.iter().max().map_or(1, |m| m + 1)];
        for (i, &l) in layer.iter().enumerate() {
            layers_v[l].push(i);
        }
        // An initial order within layers, before wrapping decides the rows.
        let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        for c in &conns {
            if layer[c.from].abs_diff(layer[c.to]) == 1 {
                adj[c.from].push(c.to);
                adj[c.to].push(c.from);
            }
        }
        place::order(&mut layers_v, &layer, &adj);
        let sizes = d
            .tables
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (w, h) = box_size(t);
                let looped = d.rels.iter().any(|r| r.a.table == i && r.target == i);
                (w, h, if looped { LOOP_ROOM } else { 0.0 })
            })
            .collect();
        let mut labels = Vec::new();
        for c in &conns {
            if c.label_from {
                labels.push((c.from, c.to));
            }
            if c.label_to {
                labels.push((c.to, c.from));
            }
        }
        Some(Graph {
            sizes,
            layers: layers_v,
            conns,
            labels,
        })
    }

    /// The layout with at most `cap` tables per row.
    fn build(&self, cap: usize, align: bool) -> Layout {
        let n = self.sizes.len();
        // Rows: each layer cut into balanced rows of at most `cap`.
        let mut rows: Vec<Vec<usize>> = Vec::new();
        for layer in &self.layers {
            let k = layer.len().div_ceil(cap);
            let (base, extra) = (layer.len() / k, layer.len() % k);
            let mut it = layer.iter().copied();
            for j in 0..k {
                rows.push(it.by_ref().take(base + usize::from(j < extra)).collect());
            }
        }
        let mut row = vec![0usize; n];
        for (r, ts) in rows.iter().enumerate() {
            for &t in ts {
                row[t] = r;
            }
        }
        // Items: tables, then a slot in every row a lane passes through.
        let lanes = route::lanes(&self.conns, &row);
        let mut width: Vec<f64> = self.sizes.iter().map(|s| s.0 + s.2).collect();
        let mut row_of = row.clone();
        let mut adj: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut slot_items: Vec<Vec<usize>> = Vec::new();
        for l in &lanes {
            let mut prev = l.hi;
            let mut items = Vec::new();
            if row[l.hi] == row[l.lo] {
                slot_items.push(items);
                continue;
            }
            let (r0, r1) = (row[l.hi], row[l.lo]);
            for (r, items_r) in rows.iter_mut().enumerate().take(r1).skip(r0 + 1) {
                let id = width.len();
                width.push((l.members.len() - 1) as f64 * route::SPREAD);
                row_of.push(r);
                adj.push(Vec::new());
                items_r.push(id);
                adj[prev].push(id);
                adj[id].push(prev);
                items.push(id);
                prev = id;
            }
            adj[prev].push(l.lo);
            adj[l.lo].push(prev);
            slot_items.push(items);
        }
        place::order(&mut rows, &row_of, &adj);
        let sep = |a: usize, b: usize| {
            let gap = match (a < n, b < n) {
                (true, true) => H_GAP,
                (false, false) => 10.0,
                _ => 22.0,
            };
            (width[a] + width[b]) / 2.0 + gap
        };
        let x = place::xs(&rows, &width, &adj, sep, MARGIN, align);
        // Heights: each gap holds the labels stacked on both of its sides.
        let mut stack = vec![(0usize, 0usize); n]; // labels on (top, bottom)
        for &(t, o) in &self.labels {
            if row[o] <= row[t] {
                stack[t].0 += 1;
            } else {
                stack[t].1 += 1;
            }
        }
        let nr = rows.len();
        let height: Vec<f64> = (0..nr)
            .map(|r| {
                rows[r]
                    .iter()
                    .filter(|&&i| i < n)
                    .map(|&i| self.sizes[i].1)
                    .fold(0.0, f64::max)
            })
            .collect();
        let levels = |r: usize, top: bool| {
            rows[r]
                .iter()
                .filter(|&&i| i < n)
                .map(|&i| if top { stack[i].0 } else { stack[i].1 }.div_ceil(2))
                .max()
                .unwrap_or(0)
        };
        let gap: Vec<f64> = (0..nr)
            .map(|r| {
                let k = if r + 1 < nr {
                    levels(r, false) + levels(r + 1, true)
                } else {
                    0
                };
                MIN_GAP.max(20.0 + LABEL_H * k as f64)
            })
            .collect();
        let mut top = vec![MARGIN; nr];
        for r in 1..nr {
            top[r] = top[r - 1] + height[r - 1] + gap[r - 1];
        }
        let boxes: Vec<Rect> = (0..n)
            .map(|i| {
                let (w, h, room) = self.sizes[i];
                Rect {
                    x: x[i] - (w + room) / 2.0 + room,
                    y: top[row[i]],
                    w,
                    h,
                }
            })
            .collect();
        let room = (0..n)
            .map(|i| {
                let r = row[i];
                let above = if r == 0 { 40.0 } else { gap[r - 1] };
                let below = if r + 1 == nr {
                    40.0
                } else {
                    gap[r] + height[r] - boxes[i].h
                };
                (above, below)
            })
            .collect();
        let slots: Vec<Vec<f64>> = slot_items
            .iter()
            .map(|s| s.iter().map(|&i| x[i]).collect())
            .collect();
        let rows_info = route::Rows {
            row: &row,
            top: &top,
            height: &height,
            gap: &gap,
        };
        let routes = route::routes(&self.conns, &lanes, &slots, &boxes, &rows_info);
        let right = (0..width.len())
            .map(|i| x[i] + width[i] / 2.0)
            .fold(0.0, f64::max);
        Layout {
            boxes,
            width: right + MARGIN,
            height: top[nr - 1] + height[nr - 1] + MARGIN,
            routes,
            room,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::diagram::tests::{diagram, BACK_POPULATES};
    use super::*;

    fn overlaps(a: &Rect, b: &Rect) -> bool {
        a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
    }

    #[test]
    fn parent_above_child() {
        let d = diagram(BACK_POPULATES);
        let l = layout(&d);
        assert_eq!(l.boxes.len(), 2);
        assert!(l.boxes[0].y + l.boxes[0].h < l.boxes[1].y, "{l:?}");
        assert!(l.width > l.boxes[0].w && l.height > l.boxes[1].y + l.boxes[1].h);
    }

    #[test]
    fn cycles_and_self_references_terminate() {
        assert_eq!(layers(3, &[(0, 1), (1, 2), (2, 0)]).len(), 3);
        let l = layers(3, &[(0, 1), (1, 0), (2, 2)]);
        assert!(l.iter().all(|&x| x < 3));
    }

    /// The 15-table chain-and-fan model of the original wrap test.
    fn fifteen() -> Diagram {
        let mut src = String::from(
            "from sqlalchemy import Column, ForeignKey, Integer\n\
             from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n",
        );
        for i in 0..15 {
            src += &format!(
                "class T{i}(Base):\n    __tablename__ = \"t{i}\"\n    id = Column(Integer, primary_key=True)\n"
            );
            if i > 0 {
                src += &format!(
                    "    p_id = Column(Integer, ForeignKey(\"t{}.id\"))\n",
                    if i < 8 { 0 } else { i - 7 }
                );
            }
        }
        diagram(&src)
    }

    /// No two boxes overlap, and no line passes through a box it does not
    /// connect (sampled every 2px along the drawn curve).
    fn assert_clean(d: &Diagram, l: &Layout) {
        let n = d.tables.len();
        assert_eq!(l.boxes.len(), n);
        for i in 0..n {
            for j in i + 1..n {
                assert!(!overlaps(&l.boxes[i], &l.boxes[j]), "{i} {j}");
            }
        }
        for r in &l.routes {
            for (x, y) in route::flatten(&r.pts, 2.0) {
                for (i, b) in l.boxes.iter().enumerate() {
                    let inside = x > b.x + 0.5
                        && x < b.x + b.w - 0.5
                        && y > b.y + 0.5
                        && y < b.y + b.h - 0.5;
                    assert!(
                        !inside || i == r.from || i == r.to,
                        "{:?} ({}→{}) crosses {} at {x},{y}",
                        r.edge,
                        d.tables[r.from].name,
                        d.tables[r.to].name,
                        d.tables[i].name
                    );
                }
            }
        }
    }

    #[test]
    fn fifteen_tables_do_not_overlap_and_wrap() {
        let d = fifteen();
        assert_eq!(d.tables.len(), 15);
        for (w, h) in [(4.0, 3.0), (575.0, 270.0), (380.0, 440.0), (1600.0, 960.0)] {
            let l = layout_for(&d, w, h);
            assert_clean(&d, &l);
            // t0 alone on top.
            assert!(l.boxes[1..].iter().all(|b| b.y > l.boxes[0].y));
        }
        // In a tall pane the seven children wrap onto rows of at most four.
        let l = layout_for(&d, 300.0, 900.0);
        let top_row = l.boxes.iter().filter(|b| b.y == l.boxes[1].y).count();
        assert!(top_row <= 4, "{top_row}");
    }

    const BIG: &str = include_str!("testdata/big.py");

    #[test]
    fn fourteen_tables_route_around_boxes() {
        let d = diagram(BIG);
        assert_eq!(d.tables.len(), 14);
        for (w, h) in [(4.0, 3.0), (575.0, 270.0), (380.0, 440.0), (1600.0, 960.0)] {
            let l = layout_for(&d, w, h);
            assert_clean(&d, &l);
            // Every FK and relationship between two tables has a route.
            let conns = route::conns(&d);
            assert_eq!(l.routes.len(), conns.len());
        }
    }

    #[test]
    fn wide_pane_gets_more_per_row() {
        let rows = |l: &Layout| {
            let mut ys: Vec<i64> = l.boxes.iter().map(|b| b.y as i64).collect();
            ys.sort();
            ys.dedup();
            ys.len()
        };
        for d in [diagram(BIG), fifteen()] {
            let wide = layout_for(&d, 575.0, 270.0);
            let tall = layout_for(&d, 380.0, 900.0);
            assert!(
                rows(&wide) < rows(&tall),
                "{} vs {}",
                rows(&wide),
                rows(&tall)
            );
            let fit = |l: &Layout| (575.0 / l.width).min(270.0 / l.height);
            assert!(fit(&wide) >= fit(&tall));
        }
    }

    #[test]
    fn lines_between_one_pair_share_a_lane_without_crossing() {
        let d = diagram(BACK_POPULATES);
        let l = layout(&d);
        assert_eq!(l.routes.len(), 2); // the FK and the relationship
        let xs: Vec<(f64, f64)> = l
            .routes
            .iter()
            .map(|r| {
                let (a, b) = (r.pts[0], r.pts[r.pts.len() - 1]);
                // Normalised to (parent end, child end).
                if r.from == 0 {
                    (a.0, b.0)
                } else {
                    (b.0, a.0)
                }
            })
            .collect();
        assert!((xs[0].0 - xs[1].0) * (xs[0].1 - xs[1].1) > 0.0, "{xs:?}");
    }
}
