//! The diagram's drawing as a small element tree: table boxes with PK/FK
//! marks and types, crow's-foot FK edges, and each relationship as a curve
//! with its attribute name at each end. The page turns the tree into DOM
//! nodes with `textContent` for every text (see `pane.rs`), so names from
//! the script are never parsed as markup; `to_markup` (escaped) is for tests.

use super::diagram::{Diagram, Kind, RelEnd, RelLink};
use super::labels::{self, Place, Placer};
use super::layout::{header_text, Layout, Rect, CHAR_W, HEAD_H, MARK_CHARS, PAD, ROW_H};
use super::route::{path_d, Edge};

/// An SVG element: tag, attributes, text content and children.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
    pub children: Vec<Node>,
}

impl Node {
    pub fn new(tag: &'static str) -> Node {
        Node {
            tag,
            ..Node::default()
        }
    }
    pub fn attr(mut self, k: &'static str, v: impl Into<String>) -> Node {
        self.attrs.push((k, v.into()));
        self
    }
    pub fn text(mut self, t: impl Into<String>) -> Node {
        self.text = Some(t.into());
        self
    }
    pub fn child(mut self, c: Node) -> Node {
        self.children.push(c);
        self
    }
    #[cfg(test)]
    pub fn get(&self, k: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(a, _)| *a == k)
            .map(|(_, v)| v.as_str())
    }
    #[cfg(test)]
    /// Every node in the tree (pre-order).
    pub fn walk(&self) -> Vec<&Node> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
    #[cfg(test)]
    /// Serialised with escaping (tests and debugging).
    pub fn to_markup(&self) -> String {
        let esc = |s: &str| {
            s.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        };
        let mut s = format!("<{}", self.tag);
        for (k, v) in &self.attrs {
            s += &format!(" {k}=\"{}\"", esc(v));
        }
        s.push('>');
        if let Some(t) = &self.text {
            s += &esc(t);
        }
        for c in &self.children {
            s += &c.to_markup();
        }
        s + &format!("</{}>", self.tag)
    }
}

fn n(v: f64) -> String {
    format!("{:.1}", v)
}

type P = (f64, f64);

fn sub(a: P, b: P) -> P {
    (a.0 - b.0, a.1 - b.1)
}
fn add(a: P, b: P) -> P {
    (a.0 + b.0, a.1 + b.1)
}
fn mul(a: P, k: f64) -> P {
    (a.0 * k, a.1 * k)
}
fn unit(a: P) -> P {
    let len = (a.0 * a.0 + a.1 * a.1).sqrt();
    if len < 1e-9 {
        (0.0, 1.0)
    } else {
        (a.0 / len, a.1 / len)
    }
}
fn perp(a: P) -> P {
    (-a.1, a.0)
}
fn pt(p: P) -> String {
    format!("{} {}", n(p.0), n(p.1))
}

/// The whole drawing, in layout coordinates, and its extent.
pub fn scene(d: &Diagram, l: &Layout) -> (Node, Bounds) {
    let mut bounds = Bounds::empty();
    let mut root = Node::new("g").attr("class", "er-scene");
    for r in &l.routes {
        for p in &r.pts {
            bounds.add(p.0, p.1, p.0, p.1);
        }
    }
    for (i, e) in d.fks.iter().enumerate() {
        let title = format!(
            "{}.{} → {}",
            d.tables[e.from].name, e.column, d.tables[e.to].name
        );
        let g = match (l.boxes.get(e.from), l.route(Edge::Fk(i))) {
            (Some(a), _) if e.from == e.to => {
                bounds.add(a.x, a.y, a.x + a.w + 50.0, a.y + a.h);
                fk_loop(a)
            }
            (_, Some(r)) => fk_edge(&r.pts),
            _ => continue,
        };
        root = root.child(g.child(Node::new("title").text(title)));
    }
    for (i, t) in d.tables.iter().enumerate() {
        if let Some(r) = l.boxes.get(i) {
            bounds.add(r.x, r.y, r.x + r.w, r.y + r.h);
            root = root.child(table_box(t, r));
        }
    }
    // Self-loops on one table nest; their labels are placed first.
    let mut placer = Placer::new(&l.boxes);
    let mut loops = vec![0usize; d.tables.len()];
    let mut links = Vec::new();
    for (i, r) in d.rels.iter().enumerate() {
        let k = if r.a.table == r.target {
            let k = loops.get(r.a.table).copied().unwrap_or(0);
            if let Some(c) = loops.get_mut(r.a.table) {
                *c += 1;
            }
            k
        } else {
            0
        };
        links.push((i, r, k));
    }
    links.sort_by_key(|(_, r, _)| r.a.table != r.target);
    let mut drawn: Vec<(usize, Node)> = links
        .into_iter()
        .map(|(i, r, k)| (i, rel_link(i, r, l, k, &mut placer, &mut bounds)))
        .collect();
    drawn.sort_by_key(|(i, _)| *i);
    for (_, g) in drawn {
        root = root.child(g);
    }
    if bounds.x0 > bounds.x1 {
        bounds = Bounds {
            x0: 0.0,
            y0: 0.0,
            x1: 0.0,
            y1: 0.0,
        };
    }
    (root, bounds)
}

fn table_box(t: &super::diagram::TableBox, r: &Rect) -> Node {
    let mut g = Node::new("g")
        .attr("class", "er-table")
        .attr("data-table", t.name.clone())
        .attr("transform", format!("translate({} {})", n(r.x), n(r.y)))
        .child(
            Node::new("rect")
                .attr("class", "er-box")
                .attr("width", n(r.w))
                .attr("height", n(r.h))
                .attr("rx", "6"),
        )
        .child(Node::new("path").attr("class", "er-head").attr(
            "d",
            format!(
                "M0 {h} V6 Q0 0 6 0 H{w6} Q{w} 0 {w} 6 V{h} Z",
                h = n(HEAD_H),
                w = n(r.w),
                w6 = n(r.w - 6.0)
            ),
        ));
    let mut title = Node::new("text")
        .attr("class", "er-title")
        .attr("x", n(PAD))
        .attr("y", "17")
        .child(Node::new("tspan").text(t.name.clone()));
    if !t.classes.is_empty() {
        title = title.child(
            Node::new("tspan")
                .attr("class", "er-class")
                .text(format!(" · {}", t.classes.join(", "))),
        );
    }
    debug_assert!(header_text(t).starts_with(&t.name));
    g = g.child(title);
    for (i, c) in t.columns.iter().enumerate() {
        let y = HEAD_H + ROW_H * i as f64 + 13.0;
        let mark = match (c.pk, c.fk.is_some()) {
            (true, true) => "PF",
            (true, false) => "PK",
            (false, true) => "FK",
            _ => "",
        };
        let mut tip = c.name.clone();
        if c.pk {
            tip += " · primary key";
        }
        if let Some(fk) = &c.fk {
            tip += &format!(" · foreign key → {fk}");
        }
        if c.unique {
            tip += " · unique";
        }
        tip += if c.nullable {
            " · nullable"
        } else {
            " · not null"
        };
        let mut name_class = String::from("er-col-name");
        if c.pk {
            name_class += " pk";
        }
        if !c.nullable {
            name_class += " not-null";
        }
        let mut row = Node::new("g")
            .attr("class", "er-col")
            .attr("data-column", c.name.clone())
            .child(Node::new("title").text(tip));
        if !mark.is_empty() {
            let class = if c.pk { "er-mark pk" } else { "er-mark fk" };
            row = row.child(
                Node::new("text")
                    .attr("class", class)
                    .attr("x", n(PAD))
                    .attr("y", n(y))
                    .text(mark),
            );
        }
        row = row
            .child(
                Node::new("text")
                    .attr("class", name_class)
                    .attr("x", n(PAD + MARK_CHARS as f64 * CHAR_W))
                    .attr("y", n(y))
                    .text(c.name.clone()),
            )
            .child(
                Node::new("text")
                    .attr("class", "er-type")
                    .attr("x", n(r.w - PAD))
                    .attr("y", n(y))
                    .attr("text-anchor", "end")
                    .text(c.type_.clone()),
            );
        g = g.child(row);
    }
    g
}

/// A foreign key to its own table: a loop on the box's right.
fn fk_loop(from: &Rect) -> Node {
    let a = (from.x + from.w, from.y + from.h * 0.35);
    let b = (from.x + from.w, from.y + from.h * 0.65);
    let d = format!(
        "M{} C{} {} {} M{} l10 -7 M{} l10 7 M{} h10",
        pt(b),
        pt(add(b, (46.0, 0.0))),
        pt(add(a, (46.0, 0.0))),
        pt(a),
        pt(b),
        pt(b),
        pt(b)
    );
    Node::new("g")
        .attr("class", "er-fk")
        .child(Node::new("path").attr("d", d))
}

/// The direction a routed line leaves its first point: lines leave and
/// reach boxes vertically.
fn leaving(pts: &[P]) -> P {
    match pts {
        [a, b, ..] => unit((0.0, b.1 - a.1)),
        _ => (0.0, 1.0),
    }
}

/// A foreign key along its route: crow's foot ("many") at the referencing
/// table, a bar ("one") at the referenced one.
fn fk_edge(pts: &[P]) -> Node {
    let (Some(&c), Some(&p)) = (pts.first(), pts.last()) else {
        return Node::new("g");
    };
    let u = leaving(pts);
    let rev: Vec<P> = pts.iter().rev().copied().collect();
    let v = leaving(&rev);
    let tip = add(c, mul(u, 12.0));
    let bar = add(p, mul(v, 9.0));
    let (q, qv) = (perp(u), perp(v));
    let d = format!(
        "{} M{} L{} L{} M{} L{}",
        path_d(pts),
        pt(add(c, mul(q, 7.0))),
        pt(tip),
        pt(sub(c, mul(q, 7.0))),
        pt(add(bar, mul(qv, 7.0))),
        pt(sub(bar, mul(qv, 7.0)))
    );
    Node::new("g")
        .attr("class", "er-fk")
        .child(Node::new("path").attr("d", d))
}

fn arrow(tip: P, from: P) -> Node {
    let u = unit(sub(tip, from));
    let q = perp(u);
    let base = sub(tip, mul(u, 9.0));
    Node::new("path").attr("class", "er-arrow").attr(
        "d",
        format!(
            "M{} L{} L{} Z",
            pt(tip),
            pt(add(base, mul(q, 4.5))),
            pt(sub(base, mul(q, 4.5)))
        ),
    )
}

/// What an end is, under its name: `list · lazy=joined`, `backref (generated)`.
pub fn end_note(e: &RelEnd) -> String {
    let mut parts = Vec::new();
    if e.generated {
        parts.push("generated by backref".to_string());
    }
    if e.uselist_false {
        parts.push("uselist=False".to_string());
    } else {
        match e.collection {
            Some(true) => parts.push("list".to_string()),
            Some(false) => parts.push("scalar".to_string()),
            None => {}
        }
    }
    if let Some(l) = &e.lazy {
        parts.push(format!("lazy={l}"));
    }
    parts.join(" · ")
}

/// The drawing's extent in layout coordinates, labels included (fit uses it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Bounds {
    fn empty() -> Bounds {
        Bounds {
            x0: f64::INFINITY,
            y0: f64::INFINITY,
            x1: f64::NEG_INFINITY,
            y1: f64::NEG_INFINITY,
        }
    }
    fn add(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        self.x0 = self.x0.min(x0);
        self.y0 = self.y0.min(y0);
        self.x1 = self.x1.max(x1);
        self.y1 = self.y1.max(y1);
    }
    pub fn width(&self) -> f64 {
        (self.x1 - self.x0).max(0.0)
    }
    pub fn height(&self) -> f64 {
        (self.y1 - self.y0).max(0.0)
    }
}

/// A two-line label (`Class.attr`, then a note) beside point `p`, on its
/// `place` side; its estimated extent goes into `b`.
fn label(p: P, place: Place, line1: String, line2: String, b: &mut Bounds) -> Node {
    let lines = if line2.is_empty() { 1 } else { 2 };
    let (x, anchor) = match place {
        Place::Left => (p.0 - 8.0, "end"),
        Place::Right => (p.0 + 8.0, "start"),
    };
    let y = p.1 + 4.0;
    let r = labels::rect(p, place, labels::width(&line1, &line2), lines);
    b.add(r.x, r.y, r.x + r.w, r.y + r.h);
    let mut t = Node::new("text")
        .attr("x", n(x))
        .attr("y", n(y))
        .attr("text-anchor", anchor)
        .child(Node::new("tspan").attr("class", "er-attr").text(line1));
    if !line2.is_empty() {
        t = t.child(
            Node::new("tspan")
                .attr("class", "er-note")
                .attr("x", n(x))
                .attr("dy", "13")
                .text(line2),
        );
    }
    t
}

fn rel_link(
    i: usize,
    r: &RelLink,
    l: &Layout,
    k: usize,
    placer: &mut Placer,
    bounds: &mut Bounds,
) -> Node {
    let Some(a) = l.boxes.get(r.a.table) else {
        return Node::new("g");
    };
    let other = match (&r.b, &r.wanted) {
        (Some(b), _) => b.key(),
        (None, Some(w)) => format!("{}.{w}", class_of_target(r)),
        (None, None) => "(none)".to_string(),
    };
    let kind_text = match r.kind {
        Kind::BackPopulates => "back_populates pair",
        Kind::Backref => "backref pair",
        Kind::OneSided => "one-sided: the other class has no attribute for it",
        Kind::Mismatched => "back_populates that is not returned",
    };
    let mut g = Node::new("g")
        .attr("class", format!("er-rel {}", r.kind.class()))
        .attr("data-rel", i.to_string())
        .attr("tabindex", "0")
        .attr(
            "aria-label",
            format!("{} ⟷ {other}: {kind_text}", r.a.key()),
        )
        .child(Node::new("title").text(format!("{} ⟷ {other}\n{kind_text}", r.a.key())));
    // Each end's label: (class, data-relationship, name, note).
    let near = ("er-end", Some(r.a.key()), r.a.key(), end_note(&r.a));
    let far = match (&r.b, r.kind) {
        (Some(b), _) => {
            let class = if b.generated {
                "er-end generated"
            } else {
                "er-end"
            };
            (class, Some(b.key()), b.key(), end_note(b))
        }
        (None, Kind::Mismatched) => (
            "er-end absent",
            None,
            other,
            "✗ does not back_populate".to_string(),
        ),
        (None, _) => (
            "er-end absent",
            None,
            "(no other side)".to_string(),
            String::new(),
        ),
    };
    let size = |e: &(&str, Option<String>, String, String)| {
        let lines = if e.3.is_empty() { 1 } else { 2 };
        (labels::width(&e.2, &e.3), lines)
    };
    let ((wa, la), (wb, lb)) = (size(&near), size(&far));

    // The path, its ends (with the point each arrow comes from), and where
    // each end's label goes.
    let (d, start, start_from, end, end_from, near_a, near_b) = if r.a.table == r.target {
        // Self-referential: a loop on the box's left, labels above and below it.
        let w = 60.0 + 28.0 * k as f64;
        let s = (a.x, a.y + a.h * 0.3);
        let e = (a.x, a.y + a.h * 0.7);
        let (cs, ce) = (add(s, (-w, 0.0)), add(e, (-w, 0.0)));
        bounds.add(a.x - w, s.1, a.x, e.1);
        let d = format!("M{} C{} {} {}", pt(s), pt(cs), pt(ce), pt(e));
        let near_a = (add(s, (-14.0, -10.0)), Place::Left);
        let near_b = (add(e, (-14.0, 12.0)), Place::Left);
        placer.reserve(labels::rect(near_a.0, Place::Left, wa, la));
        placer.reserve(labels::rect(near_b.0, Place::Left, wb, lb));
        (d, s, cs, e, ce, near_a, near_b)
    } else {
        let (Some(first), second) = (l.route(Edge::Rel(i, 0)), l.route(Edge::Rel(i, 1))) else {
            return g;
        };
        let last = second.unwrap_or(first);
        let (f, t) = (&first.pts, &last.pts);
        if f.len() < 2 || t.len() < 2 {
            return g;
        }
        let mut d = path_d(f);
        if let Some(s) = second {
            d = d + " " + &path_d(&s.pts);
        }
        let room = |table: usize, down: bool| {
            l.room
                .get(table)
                .map_or(40.0, |r| if down { r.1 } else { r.0 })
        };
        let (start, end) = (f[0], t[t.len() - 1]);
        let (next_a, next_b) = (f[1], t[t.len() - 2]);
        let near_a = placer.place(start, next_a, wa, la, room(first.from, next_a.1 > start.1));
        let near_b = placer.place(end, next_b, wb, lb, room(last.to, next_b.1 > end.1));
        (
            d,
            start,
            (start.0, next_a.1),
            end,
            (end.0, next_b.1),
            near_a,
            near_b,
        )
    };
    g = g
        .child(
            Node::new("path")
                .attr("class", "er-hit")
                .attr("d", d.clone()),
        )
        .child(Node::new("path").attr("class", "er-rel-line").attr("d", d))
        .child(arrow(end, end_from));
    if r.b.is_some() {
        g = g.child(arrow(start, start_from));
    }
    for ((class, key, l1, l2), (p, place)) in [(near, near_a), (far, near_b)] {
        let mut e = Node::new("g").attr("class", class);
        if let Some(key) = key {
            e = e.attr("data-relationship", key);
        }
        g = g.child(e.child(label(p, place, l1, l2, bounds)));
    }
    g
}

/// The target class name of a link, for an absent end's label.
fn class_of_target(r: &RelLink) -> String {
    match &r.b {
        Some(b) => b.class.clone(),
        None => r.target_class.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::diagram::tests::{diagram, BACK_POPULATES};
    use super::super::layout::layout;
    use super::*;

    fn attr_values<'a>(root: &'a Node, k: &str) -> Vec<&'a str> {
        root.walk().into_iter().filter_map(|n| n.get(k)).collect()
    }

    #[test]
    fn tables_and_both_ends() {
        let d = diagram(BACK_POPULATES);
        let (s, _) = scene(&d, &layout(&d));
        assert_eq!(attr_values(&s, "data-table"), ["parent", "child"]);
        assert_eq!(
            attr_values(&s, "data-relationship"),
            ["Parent.children", "Child.parent"]
        );
        let m = s.to_markup();
        assert!(m.contains(">PK</text>") && m.contains(">FK</text>"));
        assert!(m.contains("list · lazy=joined"));
        assert!(m.contains("er-rel back-populates"));
        assert_eq!(m.matches("class=\"er-arrow\"").count(), 2);
    }

    #[test]
    fn one_sided_has_one_arrow_and_an_absent_end() {
        let src = BACK_POPULATES
            .replace(r#", back_populates="parent", lazy="joined""#, "")
            .replace(r#", back_populates="children""#, "");
        let d = diagram(&src);
        let (s, _) = scene(&d, &layout(&d));
        let m = s.to_markup();
        assert_eq!(m.matches("class=\"er-arrow\"").count(), 2, "one per link");
        assert_eq!(m.matches("er-end absent").count(), 2);
        assert!(m.contains("(no other side)"));
        // The two links run side by side: distinct lines, each with its own
        // end point on the parent's bottom side.
        let lines: Vec<&Node> = s
            .walk()
            .into_iter()
            .filter(|n| n.get("class") == Some("er-rel-line"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_ne!(lines[0].get("d"), lines[1].get("d"));
        let l = layout(&d);
        let parent = l.boxes[0];
        let mut ends: Vec<f64> = l
            .routes
            .iter()
            .map(|r| {
                if r.from == 0 {
                    r.pts[0]
                } else {
                    r.pts[r.pts.len() - 1]
                }
            })
            .inspect(|p| assert_eq!(p.1, parent.y + parent.h))
            .map(|p| p.0)
            .collect();
        assert_eq!(ends.len(), 3, "the FK and both links");
        ends.sort_by(f64::total_cmp);
        assert!(
            ends.windows(2).all(|w| (w[0] - w[1]).abs() > 6.0),
            "{ends:?}"
        );
    }

    #[test]
    fn bounds_hold_the_labels_of_a_self_loop() {
        let src = r#"
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship
Base = declarative_base()
class Node(Base):
    __tablename__ = "node"
    id = Column(Integer, primary_key=True)
    parent_id = Column(Integer, ForeignKey("node.id"))
    parent = relationship("Node", remote_side=[id], backref="children")
"#;
        let d = diagram(src);
        let l = layout(&d);
        let (s, b) = scene(&d, &l);
        assert_eq!(
            attr_values(&s, "data-relationship"),
            ["Node.parent", "Node.children"]
        );
        let bx = l.boxes[0];
        assert!(
            b.x0 < bx.x - 60.0,
            "room for the loop and its labels: {b:?}"
        );
        assert!(b.x1 >= bx.x + bx.w && b.y0 < bx.y + 1.0);
    }

    #[test]
    fn script_text_is_escaped() {
        let node = Node::new("text").attr("x", "\"<b>").text("<script>&");
        assert_eq!(
            node.to_markup(),
            "<text x=\"&quot;&lt;b&gt;\">&lt;script&gt;&amp;</text>"
        );
    }
}
