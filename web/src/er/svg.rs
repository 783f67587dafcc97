//! The diagram's drawing as a small element tree: table boxes with PK/FK
//! marks and types, crow's-foot FK edges, and each relationship as a curve
//! with its attribute name at each end. The page turns the tree into DOM
//! nodes with `textContent` for every text (see `pane.rs`), so names from
//! the script are never parsed as markup; `to_markup` (escaped) is for tests.

use super::diagram::{Diagram, Kind, RelEnd, RelLink};
use super::layout::{header_text, Layout, Rect, CHAR_W, HEAD_H, MARK_CHARS, PAD, ROW_H};

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
    for e in &d.fks {
        if let (Some(a), Some(b)) = (l.boxes.get(e.from), l.boxes.get(e.to)) {
            let title = format!(
                "{}.{} → {}",
                d.tables[e.from].name, e.column, d.tables[e.to].name
            );
            if e.from == e.to {
                bounds.add(a.x, a.y, a.x + a.w + 50.0, a.y + a.h);
            }
            root = root.child(fk_edge(a, b, e.from == e.to).child(Node::new("title").text(title)));
        }
    }
    for (i, t) in d.tables.iter().enumerate() {
        if let Some(r) = l.boxes.get(i) {
            bounds.add(r.x, r.y, r.x + r.w, r.y + r.h);
            root = root.child(table_box(t, r));
        }
    }
    // Links between the same two tables fan out on alternate sides.
    let mut seen: Vec<(usize, usize)> = Vec::new();
    for (i, r) in d.rels.iter().enumerate() {
        let pair = (r.a.table.min(r.target), r.a.table.max(r.target));
        let k = seen.iter().filter(|p| **p == pair).count();
        seen.push(pair);
        root = root.child(rel_link(i, r, l, k, &mut bounds));
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

/// A foreign key: crow's foot ("many") at the referencing table, a bar
/// ("one") at the referenced one.
fn fk_edge(from: &Rect, to: &Rect, self_ref: bool) -> Node {
    let g = Node::new("g").attr("class", "er-fk");
    if self_ref {
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
        return g.child(Node::new("path").attr("d", d));
    }
    let c = from.border_towards(to.cx(), to.cy());
    let p = to.border_towards(from.cx(), from.cy());
    let u = unit(sub(p, c));
    let q = perp(u);
    let tip = add(c, mul(u, 12.0));
    let bar = sub(p, mul(u, 9.0));
    let d = format!(
        "M{} L{} M{} L{} L{} M{} L{} M{} L{}",
        pt(c),
        pt(p),
        pt(add(c, mul(q, 7.0))),
        pt(tip),
        pt(sub(c, mul(q, 7.0))),
        pt(c),
        pt(tip),
        pt(add(bar, mul(q, 7.0))),
        pt(sub(bar, mul(q, 7.0)))
    );
    g.child(Node::new("path").attr("d", d))
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

/// Where a label goes relative to its point.
#[derive(Clone, Copy)]
enum Place {
    Left,
    Right,
    Above,
    Below,
}

/// A two-line label (`Class.attr`, then a note) beside point `p`, growing
/// away from it in direction `place`; its estimated extent goes into `b`.
fn label(p: P, place: Place, line1: String, line2: String, b: &mut Bounds) -> Node {
    let lines = if line2.is_empty() { 1.0 } else { 2.0 };
    let (x, y, anchor) = match place {
        Place::Left => (p.0 - 8.0, p.1 + 4.0, "end"),
        Place::Right => (p.0 + 8.0, p.1 + 4.0, "start"),
        Place::Above => (p.0, p.1 - 8.0 - 13.0 * (lines - 1.0), "middle"),
        Place::Below => (p.0, p.1 + 16.0, "middle"),
    };
    let w = (line1.chars().count() as f64 * CHAR_W).max(line2.chars().count() as f64 * 6.4);
    let x0 = match anchor {
        "end" => x - w,
        "middle" => x - w / 2.0,
        _ => x,
    };
    b.add(x0, y - 12.0, x0 + w, y + 13.0 * (lines - 1.0) + 4.0);
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

/// Beside a curve that bulges towards `bulge`: on the outside of the bulge,
/// where no other line runs.
fn place_for(bulge: P) -> Place {
    if bulge.0.abs() >= bulge.1.abs() {
        if bulge.0 < 0.0 {
            Place::Left
        } else {
            Place::Right
        }
    } else if bulge.1 < 0.0 {
        Place::Above
    } else {
        Place::Below
    }
}

struct Seg {
    p0: P,
    c: P,
    p2: P,
    /// Unit vector of the side the curve bows to.
    bulge: P,
}

impl Seg {
    fn at(&self, t: f64) -> P {
        let u = 1.0 - t;
        add(
            add(mul(self.p0, u * u), mul(self.c, 2.0 * u * t)),
            mul(self.p2, t * t),
        )
    }
}

/// A curve from box `a` to box `b`, bowed by `offset` to one side.
fn seg(a: &Rect, b: &Rect, offset: f64) -> Seg {
    let (ca, cb) = ((a.cx(), a.cy()), (b.cx(), b.cy()));
    let q = perp(unit(sub(cb, ca)));
    let mid = add(mul(add(ca, cb), 0.5), mul(q, offset));
    let p0 = a.border_towards(mid.0, mid.1);
    let p2 = b.border_towards(mid.0, mid.1);
    let c = add(mul(add(p0, p2), 0.5), mul(q, offset * 2.0));
    let bulge = if offset < 0.0 { mul(q, -1.0) } else { q };
    Seg { p0, c, p2, bulge }
}

fn rel_link(i: usize, r: &RelLink, l: &Layout, k: usize, bounds: &mut Bounds) -> Node {
    let (Some(a), Some(b)) = (l.boxes.get(r.a.table), l.boxes.get(r.target)) else {
        return Node::new("g");
    };
    let step = 34.0 * (k / 2 + 1) as f64;
    let mut offset = if k.is_multiple_of(2) { step } else { -step };
    if r.a.table > r.target {
        // Sides are counted from the lower table index, whichever end declares it.
        offset = -offset;
    }
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
        (
            d,
            s,
            cs,
            e,
            ce,
            (add(s, (-14.0, -10.0)), Place::Left),
            (add(e, (-14.0, 12.0)), Place::Left),
        )
    } else if let Some(sec) = r
        .secondary
        .filter(|&s| s != r.a.table && s != r.target)
        .and_then(|s| l.boxes.get(s))
    {
        // Many-to-many: through the association table.
        let s1 = seg(a, sec, offset);
        let s2 = seg(sec, b, offset);
        for p in [s1.p0, s1.c, s1.p2, s2.p0, s2.c, s2.p2] {
            bounds.add(p.0, p.1, p.0, p.1);
        }
        let d = format!(
            "M{} Q{} {} M{} Q{} {}",
            pt(s1.p0),
            pt(s1.c),
            pt(s1.p2),
            pt(s2.p0),
            pt(s2.c),
            pt(s2.p2)
        );
        (
            d,
            s1.p0,
            s1.c,
            s2.p2,
            s2.c,
            (s1.at(0.22), place_for(s1.bulge)),
            (s2.at(0.78), place_for(s2.bulge)),
        )
    } else {
        let s = seg(a, b, offset);
        for p in [s.p0, s.c, s.p2] {
            bounds.add(p.0, p.1, p.0, p.1);
        }
        let d = format!("M{} Q{} {}", pt(s.p0), pt(s.c), pt(s.p2));
        (
            d,
            s.p0,
            s.c,
            s.p2,
            s.c,
            (s.at(0.22), place_for(s.bulge)),
            (s.at(0.78), place_for(s.bulge)),
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
    g = g.child(
        Node::new("g")
            .attr("class", "er-end")
            .attr("data-relationship", r.a.key())
            .child(label(near_a.0, near_a.1, r.a.key(), end_note(&r.a), bounds)),
    );
    let (p, place) = near_b;
    let far = match (&r.b, r.kind) {
        (Some(b), _) => {
            let class = if b.generated {
                "er-end generated"
            } else {
                "er-end"
            };
            Node::new("g")
                .attr("class", class)
                .attr("data-relationship", b.key())
                .child(label(p, place, b.key(), end_note(b), bounds))
        }
        (None, Kind::Mismatched) => Node::new("g").attr("class", "er-end absent").child(label(
            p,
            place,
            other,
            "✗ does not back_populate".to_string(),
            bounds,
        )),
        (None, _) => Node::new("g").attr("class", "er-end absent").child(label(
            p,
            place,
            "(no other side)".to_string(),
            String::new(),
            bounds,
        )),
    };
    g.child(far)
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
        // The two links bow to opposite sides although declared from opposite ends.
        let lines: Vec<&Node> = s
            .walk()
            .into_iter()
            .filter(|n| n.get("class") == Some("er-rel-line"))
            .collect();
        assert_eq!(lines.len(), 2);
        assert_ne!(lines[0].get("d"), lines[1].get("d"));
        let ctrl_x = |n: &Node| -> f64 {
            let d = n.get("d").unwrap_or_default();
            let q = d.split('Q').nth(1).unwrap_or_default();
            q.split_whitespace()
                .next()
                .unwrap_or("0")
                .parse()
                .unwrap_or(0.0)
        };
        let parent = layout(&d).boxes[0];
        let (c0, c1) = (ctrl_x(lines[0]), ctrl_x(lines[1]));
        assert!((c0 - parent.cx()) * (c1 - parent.cx()) < 0.0, "{c0} {c1}");
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
