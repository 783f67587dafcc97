//! A small layered (Sugiyama-style) layout: tables referenced by foreign
//! keys sit above the tables that reference them, boxes within a layer are
//! ordered by the barycenter of their neighbours to cut crossings, and a
//! layer wider than `MAX_PER_ROW` wraps, so 2–15 tables stay readable in a
//! pane that is taller than wide. Sizes come from a monospace estimate of
//! the text (the SVG's text is monospace, see web/style.css).

use super::diagram::Diagram;

/// Width of one character of the diagram's 12px monospace text.
pub const CHAR_W: f64 = 7.3;
pub const ROW_H: f64 = 18.0;
pub const HEAD_H: f64 = 26.0;
pub const PAD: f64 = 8.0;
/// Characters reserved for the PK/FK mark before each column name.
pub const MARK_CHARS: usize = 3;
const H_GAP: f64 = 70.0;
const V_GAP: f64 = 120.0;
const MARGIN: f64 = 20.0;
const MAX_PER_ROW: usize = 4;
/// Room left of a box for a self-referential loop and its labels.
const LOOP_ROOM: f64 = 150.0;

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
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    /// Where the ray from the centre towards `(px, py)` leaves the rectangle.
    pub fn border_towards(&self, px: f64, py: f64) -> (f64, f64) {
        let (cx, cy) = (self.cx(), self.cy());
        let (dx, dy) = (px - cx, py - cy);
        if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
            return (cx, self.y);
        }
        let sx = if dx.abs() > 1e-9 {
            (self.w / 2.0) / dx.abs()
        } else {
            f64::INFINITY
        };
        let sy = if dy.abs() > 1e-9 {
            (self.h / 2.0) / dy.abs()
        } else {
            f64::INFINITY
        };
        let s = sx.min(sy);
        (cx + dx * s, cy + dy * s)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// One per `Diagram::tables`, same order.
    pub boxes: Vec<Rect>,
    pub width: f64,
    pub height: f64,
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

pub fn layout(d: &Diagram) -> Layout {
    let n = d.tables.len();
    if n == 0 {
        return Layout::default();
    }
    let mut fk_edges: Vec<(usize, usize)> = d
        .fks
        .iter()
        .filter(|e| e.from != e.to)
        .map(|e| (e.from, e.to))
        .collect();
    fk_edges.dedup();
    let layer = layers(n, &fk_edges);
    // Neighbours for ordering: FKs and relationship links.
    let mut nbrs: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut link = |a: usize, b: usize| {
        if a != b && a < n && b < n {
            nbrs[a].push(b);
            nbrs[b].push(a);
        }
    };
    for &(a, b) in &fk_edges {
        link(a, b);
    }
    for r in &d.rels {
        link(r.a.table, r.target);
    }
    let depth = layer.iter().copied().max().unwrap_or(0) + 1;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); depth];
    for (i, &l) in layer.iter().enumerate() {
        rows[l].push(i);
    }
    // Barycenter sweeps, down then up.
    let mut pos = vec![0.0f64; n];
    let set_pos = |rows: &[Vec<usize>], pos: &mut [f64]| {
        for row in rows {
            for (k, &i) in row.iter().enumerate() {
                pos[i] = k as f64 - row.len() as f64 / 2.0;
            }
        }
    };
    set_pos(&rows, &mut pos);
    for sweep in 0..6 {
        let order: Vec<usize> = if sweep % 2 == 0 {
            (1..depth).collect()
        } else {
            (0..depth.saturating_sub(1)).rev().collect()
        };
        for l in order {
            let bary = |i: usize| {
                let ns: Vec<f64> = nbrs[i]
                    .iter()
                    .filter(|&&j| {
                        if sweep % 2 == 0 {
                            layer[j] < l
                        } else {
                            layer[j] > l
                        }
                    })
                    .map(|&j| pos[j])
                    .collect();
                if ns.is_empty() {
                    pos[i]
                } else {
                    ns.iter().sum::<f64>() / ns.len() as f64
                }
            };
            let mut keyed: Vec<(f64, usize)> = rows[l].iter().map(|&i| (bary(i), i)).collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            rows[l] = keyed.into_iter().map(|(_, i)| i).collect();
            set_pos(&rows, &mut pos);
        }
    }
    // Wrap wide layers, then place rows top to bottom, each centred.
    // A box with a self-referential relationship gets room on its left for
    // the loop and its two labels.
    let sizes: Vec<(f64, f64)> = d
        .tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (w, h) = box_size(t);
            let looped = d.rels.iter().any(|r| r.a.table == i && r.target == i);
            (w + if looped { LOOP_ROOM } else { 0.0 }, h)
        })
        .collect();
    let lines: Vec<Vec<usize>> = rows
        .iter()
        .flat_map(|r| r.chunks(MAX_PER_ROW).map(<[usize]>::to_vec))
        .collect();
    let line_w = |line: &[usize]| {
        line.iter().map(|&i| sizes[i].0).sum::<f64>() + H_GAP * line.len().saturating_sub(1) as f64
    };
    let widest = lines.iter().map(|l| line_w(l)).fold(0.0, f64::max);
    let mut boxes = vec![
        Rect {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0
        };
        n
    ];
    let mut y = MARGIN;
    for line in &lines {
        let mut x = MARGIN + (widest - line_w(line)) / 2.0;
        let mut tallest: f64 = 0.0;
        for &i in line {
            let (w, h) = sizes[i];
            let room = w - box_size(&d.tables[i]).0;
            boxes[i] = Rect {
                x: x + room,
                y,
                w: w - room,
                h,
            };
            x += w + H_GAP;
            tallest = tallest.max(h);
        }
        y += tallest + V_GAP;
    }
    Layout {
        boxes,
        width: widest + 2.0 * MARGIN,
        height: y - V_GAP + MARGIN,
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

    #[test]
    fn fifteen_tables_do_not_overlap_and_wrap() {
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
        let d = diagram(&src);
        assert_eq!(d.tables.len(), 15);
        let l = layout(&d);
        for i in 0..15 {
            for j in i + 1..15 {
                assert!(!overlaps(&l.boxes[i], &l.boxes[j]), "{i} {j}");
            }
        }
        // t0 alone on top; seven children wrap onto two lines of at most four.
        assert!(l.boxes[1..].iter().all(|b| b.y > l.boxes[0].y));
        assert!(l.width < 4.0 * 260.0 + 3.0 * H_GAP + 2.0 * MARGIN);
    }

    #[test]
    fn border_point() {
        let r = Rect {
            x: 0.0,
            y: 0.0,
            w: 100.0,
            h: 50.0,
        };
        assert_eq!(r.border_towards(50.0, 500.0), (50.0, 50.0));
        assert_eq!(r.border_towards(500.0, 25.0), (100.0, 25.0));
        assert_eq!(r.border_towards(50.0, 25.0), (50.0, 0.0));
    }
}
