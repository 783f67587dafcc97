//! Cycle collection among a set of candidate objects. Values are `Rc`s, so
//! a reference cycle (an ORM parent, its children collection and each
//! child's back-reference) is never freed by counting alone; CPython's
//! collector frees it. This is CPython's algorithm run from the candidates:
//! walk what they reach, count the references found inside that graph, and
//! any object with more strong references than that is held from outside —
//! it, and everything it reaches, stays. The rest is unreachable; emptying
//! its dicts and lists breaks the cycles and the counts free it.
//!
//! Only references that are certainly held are counted (an object a walk
//! cannot see into counts as held from outside), so a mistake can only keep
//! garbage, never free a live object.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use crate::value::Value;

/// Keys are object addresses, hashed by one multiply: SipHash's DoS
/// resistance buys nothing here and was a visible part of a collection.
#[derive(Default)]
struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0.rotate_left(5) ^ *b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_usize(&mut self, n: usize) {
        // addresses are 16-byte aligned: the high product bits mix them
        self.0 = ((n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)).rotate_left(26);
    }
}

struct Node {
    v: Value,
    /// Strong references to this object found in the graph.
    inner: usize,
    /// Its references, as a range of the shared edge list.
    edges: (usize, usize),
}

/// The identity and strong count of the container kinds a cycle can pass
/// through; other values (strings, classes, functions) are leaves.
fn container(v: &Value) -> Option<(usize, usize)> {
    fn rc<T: ?Sized>(r: &Rc<T>) -> Option<(usize, usize)> {
        Some((Rc::as_ptr(r) as *const u8 as usize, Rc::strong_count(r)))
    }
    match v {
        Value::Instance(r) => rc(r),
        Value::Dict(r) | Value::Set(r) | Value::FrozenSet(r) => rc(r),
        Value::List(r) => rc(r),
        Value::Tuple(r) => rc(r),
        Value::Native(r) => rc(r),
        _ => None,
    }
}

/// The containers `v` holds a strong reference to, one per reference
/// (leaves such as strings are skipped: they cannot close a cycle).
fn referents(v: &Value, out: &mut Vec<Value>) {
    let mut push = |x: &Value| {
        if container(x).is_some() {
            out.push(x.clone());
        }
    };
    match v {
        Value::Instance(i) => push(&Value::Dict(i.dict.clone())),
        Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
            // a dict borrowed elsewhere is left opaque (kept)
            if let Ok(d) = d.try_borrow() {
                d.for_each_entry(|k, v| {
                    push(k);
                    push(v);
                });
            }
        }
        Value::List(l) => {
            if let Ok(l) = l.try_borrow() {
                l.iter().for_each(push);
            }
        }
        Value::Tuple(t) => t.iter().for_each(push),
        Value::Native(n) => n.traverse(&mut push),
        _ => {}
    }
}

/// Frees the unreachable cycles among `candidates` and what they reach;
/// returns how many objects' contents were cleared.
pub fn collect(candidates: Vec<Value>) -> usize {
    // an ORM object is about four containers (itself, its dict, its state,
    // a collection): sized up front, the tables do not regrow
    let mut nodes: Vec<Node> = Vec::with_capacity(candidates.len() * 4);
    let mut index: HashMap<usize, usize, BuildHasherDefault<AddrHasher>> =
        HashMap::with_capacity_and_hasher(candidates.len() * 4, Default::default());
    let mut todo: Vec<usize> = Vec::new();
    // The graph keeps exactly one clone of each node (counted below).
    let mut add = |v: Value, nodes: &mut Vec<Node>, todo: &mut Vec<usize>| -> Option<usize> {
        let (addr, _) = container(&v)?;
        Some(*index.entry(addr).or_insert_with(|| {
            nodes.push(Node {
                v,
                inner: 0,
                edges: (0, 0),
            });
            todo.push(nodes.len() - 1);
            nodes.len() - 1
        }))
    };
    for v in candidates {
        add(v, &mut nodes, &mut todo);
    }
    let mut buf = Vec::new();
    let mut edges: Vec<usize> = Vec::with_capacity(nodes.len() * 6);
    while let Some(i) = todo.pop() {
        referents(&nodes[i].v, &mut buf);
        let start = edges.len();
        for r in buf.drain(..) {
            if let Some(j) = add(r, &mut nodes, &mut todo) {
                edges.push(j);
                nodes[j].inner += 1;
            }
        }
        nodes[i].edges = (start, edges.len());
    }
    // Held from outside: more strong references than the graph's own
    // (the walk's clone plus the references found). Anything inconsistent
    // is treated as held.
    let mut live = vec![false; nodes.len()];
    let mut stack: Vec<usize> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        let strong = container(&n.v).map(|c| c.1).unwrap_or(usize::MAX);
        if strong != n.inner + 1 {
            live[i] = true;
            stack.push(i);
        }
    }
    while let Some(i) = stack.pop() {
        let (a, b) = nodes[i].edges;
        for &j in edges.get(a..b).unwrap_or(&[]) {
            if !live[j] {
                live[j] = true;
                stack.push(j);
            }
        }
    }
    // Empty every unreachable container first, then drop the contents, so
    // freeing never recurses through a long chain.
    let mut trash_dicts = Vec::new();
    let mut trash_lists = Vec::new();
    for (n, _) in nodes.iter().zip(&live).filter(|(_, l)| !**l) {
        match &n.v {
            Value::Dict(d) | Value::Set(d) | Value::FrozenSet(d) => {
                if let Ok(mut d) = d.try_borrow_mut() {
                    trash_dicts.push(std::mem::take(&mut *d));
                }
            }
            Value::List(l) => {
                if let Ok(mut l) = l.try_borrow_mut() {
                    trash_lists.push(std::mem::take(&mut *l));
                }
            }
            _ => {}
        }
    }
    let cleared = trash_dicts.len() + trash_lists.len();
    drop(nodes);
    drop(trash_dicts);
    drop(trash_lists);
    cleared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::dict::PyDict;
    use std::cell::RefCell;

    fn list(items: Vec<Value>) -> (Value, std::rc::Weak<RefCell<Vec<Value>>>) {
        let l = Rc::new(RefCell::new(items));
        let w = Rc::downgrade(&l);
        (Value::List(l), w)
    }

    #[test]
    fn frees_an_unreachable_cycle() {
        let (a, wa) = list(vec![]);
        let (b, wb) = list(vec![a.clone()]);
        if let Value::List(l) = &a {
            l.borrow_mut().push(b.clone());
        }
        drop(b);
        collect(vec![a]);
        assert!(wa.upgrade().is_none() && wb.upgrade().is_none());
    }

    #[test]
    fn keeps_a_cycle_held_from_outside() {
        let (a, wa) = list(vec![]);
        let (b, _) = list(vec![a.clone()]);
        if let Value::List(l) = &a {
            l.borrow_mut().push(b.clone());
        }
        // `held` stands for a variable: b, and through it a, stay
        let held = b.clone();
        collect(vec![a, b]);
        let a = wa.upgrade().expect("a is reachable from b");
        assert_eq!(a.borrow().len(), 1);
        drop(held);
    }

    #[test]
    fn dict_cycle_through_values_and_keys() {
        let d = Rc::new(RefCell::new(PyDict::new()));
        let w = Rc::downgrade(&d);
        d.borrow_mut().set_str("me", Value::Dict(d.clone()));
        collect(vec![Value::Dict(d)]);
        assert!(w.upgrade().is_none());
    }
}
