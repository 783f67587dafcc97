//! The identity map: (mapper, primary key) → object, in load order, with
//! hashed lookups so loading N rows stays linear.

// Fx hashing: these are hit once per object loaded or flushed, and the keys
// (object ids, identity keys) come from the sandboxed script itself.
use rustc_hash::{FxHashMap, FxHashSet};

use relplay_py::Value;

pub type Entry = (usize, String, Value);

/// An object held weakly, as SQLAlchemy's identity map holds instances:
/// once nothing else refers to one (no pending change keeps it, the
/// script dropped it) it leaves the map, and a later `get()` selects it.
enum Held {
    Weak(std::rc::Weak<relplay_py::value::Instance>),
    Strong(Value),
}

impl Held {
    fn new(v: &Value) -> Held {
        match v {
            Value::Instance(i) => Held::Weak(std::rc::Rc::downgrade(i)),
            other => Held::Strong(other.clone()),
        }
    }
    fn get(&self) -> Option<Value> {
        match self {
            Held::Weak(w) => w.upgrade().map(Value::Instance),
            Held::Strong(v) => Some(v.clone()),
        }
    }
}

#[derive(Default)]
pub struct IdentityMap {
    entries: Vec<(usize, String, Held)>,
    index: FxHashMap<(usize, String), usize>,
    objs: FxHashMap<u64, usize>,
}

impl IdentityMap {
    /// The live entries, in load order.
    pub fn iter(&self) -> std::vec::IntoIter<Entry> {
        self.entries
            .iter()
            .filter_map(|(m, k, h)| h.get().map(|v| (*m, k.clone(), v)))
            .collect::<Vec<_>>()
            .into_iter()
    }
    pub fn push(&mut self, e: Entry) {
        // a dead entry under the same key is replaced
        if let Some(&i) = self.index.get(&(e.0, e.1.clone())) {
            if self.entries.get(i).and_then(|x| x.2.get()).is_none() {
                self.entries[i] = (e.0, e.1, Held::new(&e.2));
                self.objs.insert(e.2.id(), i);
                return;
            }
        }
        self.index.insert((e.0, e.1.clone()), self.entries.len());
        self.objs.insert(e.2.id(), self.entries.len());
        self.entries.push((e.0, e.1, Held::new(&e.2)));
    }
    pub fn get(&self, mapper: usize, key: &str) -> Option<Value> {
        self.index
            .get(&(mapper, key.to_string()))
            .and_then(|&i| self.entries.get(i))
            .and_then(|e| e.2.get())
    }
    pub fn contains_obj(&self, obj: &Value) -> bool {
        self.objs
            .get(&obj.id())
            .and_then(|&i| self.entries.get(i))
            .and_then(|e| e.2.get())
            .is_some_and(|v| v.is(obj))
    }
    pub fn retain(&mut self, mut f: impl FnMut(&Entry) -> bool) {
        let old = std::mem::take(&mut self.entries);
        for (m, k, h) in old {
            if let Some(v) = h.get() {
                if f(&(m, k.clone(), v)) {
                    self.entries.push((m, k, h));
                }
            }
        }
        self.reindex();
    }
    pub fn drain(&mut self, _all: std::ops::RangeFull) -> std::vec::IntoIter<Entry> {
        let v = self.iter();
        self.entries.clear();
        self.index.clear();
        self.objs.clear();
        v
    }
    fn reindex(&mut self) {
        self.index.clear();
        self.objs.clear();
        for (i, e) in self.entries.iter().enumerate() {
            self.index.insert((e.0, e.1.clone()), i);
            if let Some(v) = e.2.get() {
                self.objs.insert(v.id(), i);
            }
        }
    }
}

/// An insertion-ordered set of objects by identity (`session.new`).
#[derive(Default)]
pub struct ObjList {
    items: Vec<Value>,
    ids: FxHashSet<u64>,
}

impl ObjList {
    pub fn iter(&self) -> std::slice::Iter<'_, Value> {
        self.items.iter()
    }
    pub fn push(&mut self, v: Value) {
        if self.ids.insert(v.id()) {
            self.items.push(v);
        }
    }
    pub fn contains(&self, v: &Value) -> bool {
        self.ids.contains(&v.id())
    }
    pub fn retain(&mut self, mut f: impl FnMut(&Value) -> bool) {
        let ids = &mut self.ids;
        self.items.retain(|v| {
            let keep = f(v);
            if !keep {
                ids.remove(&v.id());
            }
            keep
        });
    }
    pub fn clear(&mut self) {
        self.items.clear();
        self.ids.clear();
    }
    pub fn drain(&mut self, _all: std::ops::RangeFull) -> std::vec::IntoIter<Value> {
        self.ids.clear();
        std::mem::take(&mut self.items).into_iter()
    }
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.clone()
    }
}

/// A `PyValue` as a hash key, equal when the values are `==` (so `0.0` and
/// `-0.0` hash alike, and NaN matches nothing, as in a linear scan).
pub struct KeyRef<'a>(pub &'a relplay_orm::PyValue);

impl PartialEq for KeyRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for KeyRef<'_> {}

impl std::hash::Hash for KeyRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        use relplay_orm::PyValue as P;
        std::mem::discriminant(self.0).hash(h);
        match self.0 {
            P::Bool(b) => b.hash(h),
            P::Int(i) => i.hash(h),
            P::Float(f) if *f != 0.0 => f.to_bits().hash(h),
            P::Str(s) | P::Decimal(s) => s.hash(h),
            P::Bytes(b) | P::Memory(b) => b.hash(h),
            // rare as keys: equal values still share the discriminant
            _ => {}
        }
    }
}

/// Positions of each distinct key, in order: loaders match N parents to M
/// child rows by key in O(N + M) rather than scanning the rows per parent.
pub fn group_keys(keys: &[relplay_orm::PyValue]) -> FxHashMap<KeyRef<'_>, Vec<usize>> {
    let mut m: FxHashMap<KeyRef<'_>, Vec<usize>> = FxHashMap::default();
    for (i, k) in keys.iter().enumerate() {
        m.entry(KeyRef(k)).or_default().push(i);
    }
    m
}

/// Distinct objects (by identity) among `objs`, in first-seen order,
/// skipping `None`.
pub fn distinct_objs<'a>(objs: impl IntoIterator<Item = &'a Value>) -> Vec<Value> {
    let mut seen = FxHashSet::default();
    objs.into_iter()
        .filter(|o| !o.is_none() && seen.insert(o.id()))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use relplay_orm::PyValue;

    #[test]
    fn ident_key_fast_path_matches_debug_form() {
        for i in [0, 7, -7, 10, 1234567890, i64::MAX, i64::MIN] {
            let key = [PyValue::Int(i)];
            assert_eq!(super::super::session::ident_key(&key), format!("{key:?}"));
        }
    }
}
