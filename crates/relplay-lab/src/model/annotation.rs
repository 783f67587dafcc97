//! `Mapped[...]` annotations: what they say about collection, optionality and
//! the class or Python type inside.

use super::expr::{dotted, last_name, str_const};
use relplay_py::ast::{BinOp, Constant, Expr, ExprKind};

/// A read `Mapped[...]` (or `WriteOnlyMapped[...]`, `DynamicMapped[...]`).
pub(crate) struct MappedAnn {
    /// `List`, `list`, `Set`, ... or the wrapper (`WriteOnlyMapped`) when it
    /// implies a collection.
    pub collection: Option<String>,
    pub optional: bool,
    /// The class or type name inside (`Child`, `int`), if simple.
    pub inner_name: Option<String>,
}

const COLLECTIONS: &[&str] = &[
    "List",
    "list",
    "Set",
    "set",
    "FrozenSet",
    "frozenset",
    "Sequence",
    "Collection",
    "Iterable",
];

pub(crate) fn read(ann: &Expr) -> Option<MappedAnn> {
    let (wrapper, inner) = match &ann.kind {
        ExprKind::Subscript { value, slice, .. } => (last_name(value)?, &**slice),
        _ => return None,
    };
    if !matches!(wrapper, "Mapped" | "WriteOnlyMapped" | "DynamicMapped") {
        return None;
    }
    let mut out = MappedAnn {
        collection: (wrapper != "Mapped").then(|| wrapper.to_string()),
        optional: false,
        inner_name: None,
    };
    walk(inner, &mut out, 0);
    Some(out)
}

fn walk(e: &Expr, out: &mut MappedAnn, depth: u32) {
    if depth > 8 {
        return;
    }
    match &e.kind {
        ExprKind::Subscript { value, slice, .. } => {
            let name = last_name(value).unwrap_or("");
            if COLLECTIONS.contains(&name) {
                out.collection.get_or_insert_with(|| name.to_string());
                walk(slice, out, depth + 1);
            } else if name == "Optional" {
                out.optional = true;
                walk(slice, out, depth + 1);
            } else if name == "Union" {
                if let ExprKind::Tuple { elts, .. } = &slice.kind {
                    for el in elts {
                        walk(el, out, depth + 1);
                    }
                }
            } else if matches!(name, "Dict" | "dict" | "Mapping") {
                // attribute_keyed_dict collections: the value type is the class.
                out.collection.get_or_insert_with(|| name.to_string());
                if let ExprKind::Tuple { elts, .. } = &slice.kind {
                    if let Some(v) = elts.get(1) {
                        walk(v, out, depth + 1);
                    }
                }
            }
        }
        ExprKind::BinOp {
            left,
            op: BinOp::BitOr,
            right,
        } => {
            walk(left, out, depth + 1);
            walk(right, out, depth + 1);
        }
        ExprKind::Constant(Constant::None) => out.optional = true,
        ExprKind::Constant(Constant::Str(s)) => {
            // `Mapped["Child"]`, `Mapped["Child | None"]`, `Mapped["List[Child]"]`.
            read_string(s, out);
        }
        _ => {
            if let Some(n) = dotted(e) {
                if out.inner_name.is_none() {
                    out.inner_name = Some(n);
                }
            } else if let Some(s) = str_const(e) {
                read_string(s, out);
            }
        }
    }
}

fn read_string(s: &str, out: &mut MappedAnn) {
    let s = s.trim();
    for part in s.split('|') {
        let p = part.trim();
        if p == "None" {
            out.optional = true;
        } else if let Some((head, rest)) = p.split_once('[') {
            let head = head.trim().rsplit('.').next().unwrap_or("");
            let inner = rest.trim_end_matches(']').trim().trim_matches(['"', '\'']);
            if COLLECTIONS.contains(&head) {
                out.collection.get_or_insert_with(|| head.to_string());
            } else if head == "Optional" {
                out.optional = true;
            }
            if out.inner_name.is_none() && !inner.is_empty() {
                out.inner_name = Some(inner.to_string());
            }
        } else if out.inner_name.is_none() && !p.is_empty() {
            out.inner_name = Some(p.to_string());
        }
    }
}
