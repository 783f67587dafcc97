//! Insertion-ordered hash table. Hashing and key equality may run Python
//! code (`__hash__`/`__eq__`), so the interpreter computes the hash and
//! confirms candidates; this table only stores and finds slots.

use std::collections::HashMap;
use std::rc::Rc;

use crate::value::Value;

#[derive(Clone, Default)]
pub struct PyDict {
    entries: Vec<Option<(i64, Value, Value)>>,
    index: HashMap<i64, Vec<usize>>,
    len: usize,
    /// For sets: CPython's open-addressing slot layout, which decides the
    /// iteration order (`{3, 1, 2}` prints `{1, 2, 3}`).
    set_table: Option<SetTable>,
}

const EMPTY: usize = usize::MAX;
const DUMMY: usize = usize::MAX - 1;

#[derive(Clone)]
struct SetTable {
    slots: Vec<usize>,
    fill: usize,
}

impl SetTable {
    fn new(size: usize) -> SetTable {
        SetTable {
            slots: vec![EMPTY; size],
            fill: 0,
        }
    }
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }
    /// setobject.c's probe sequence: 9 linear probes, then perturbation.
    fn find_free(&self, hash: i64, reuse_dummy: bool) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            for j in 0..=probes {
                let s = self.slots[i + j];
                if s == EMPTY {
                    return freeslot.unwrap_or(i + j);
                }
                if s == DUMMY && reuse_dummy && freeslot.is_none() {
                    freeslot = Some(i + j);
                }
            }
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

/// Hash of a string key; any stable function will do (CPython randomizes it).
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    let h = (h >> 1) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }
    pub fn new_set() -> PyDict {
        PyDict {
            set_table: Some(SetTable::new(8)),
            ..PyDict::default()
        }
    }
    pub fn is_set_mode(&self) -> bool {
        self.set_table.is_some()
    }

    fn table_insert(&mut self, h: i64, entry: usize) {
        let Some(t) = self.set_table.as_mut() else {
            return;
        };
        let pos = t.find_free(h, true);
        if t.slots[pos] == EMPTY {
            t.fill += 1;
        }
        t.slots[pos] = entry;
        let mask = t.mask();
        if t.fill * 5 >= mask * 3 {
            let used = self.len;
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(t, SetTable::new(size));
            for s in old.slots {
                if s != EMPTY && s != DUMMY {
                    if let Some(Some(e)) = self.entries.get(s) {
                        let h = e.0;
                        if let Some(t) = self.set_table.as_mut() {
                            let p = t.find_free(h, false);
                            t.slots[p] = s;
                            t.fill += 1;
                        }
                    }
                }
            }
        }
    }

    /// Entry indices in iteration order.
    fn order(&self) -> Vec<usize> {
        match &self.set_table {
            Some(t) => t
                .slots
                .iter()
                .copied()
                .filter(|s| *s != EMPTY && *s != DUMMY)
                .collect(),
            None => (0..self.entries.len())
                .filter(|i| self.entries[*i].is_some())
                .collect(),
        }
    }
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Slots whose key has hash `h`, with the key, for the caller to compare.
    pub fn candidates(&self, h: i64) -> Vec<(usize, Value)> {
        match self.index.get(&h) {
            None => Vec::new(),
            Some(v) => v
                .iter()
                .filter_map(|&i| self.entries[i].as_ref().map(|e| (i, e.1.clone())))
                .collect(),
        }
    }

    pub fn get_slot(&self, i: usize) -> Option<&Value> {
        self.entries.get(i).and_then(|e| e.as_ref()).map(|e| &e.2)
    }
    pub fn set_slot(&mut self, i: usize, v: Value) {
        if let Some(Some(e)) = self.entries.get_mut(i) {
            e.2 = v;
        }
    }

    pub fn insert_new(&mut self, h: i64, k: Value, v: Value) {
        let i = self.entries.len();
        self.entries.push(Some((h, k, v)));
        self.index.entry(h).or_default().push(i);
        self.len += 1;
        if self.set_table.is_some() {
            self.table_insert(h, i);
        }
    }

    pub fn remove_slot(&mut self, i: usize) -> Option<(Value, Value)> {
        let e = self.entries.get_mut(i)?.take()?;
        if let Some(v) = self.index.get_mut(&e.0) {
            v.retain(|&j| j != i);
            if v.is_empty() {
                self.index.remove(&e.0);
            }
        }
        self.len -= 1;
        if let Some(t) = self.set_table.as_mut() {
            if let Some(p) = t.slots.iter().position(|s| *s == i) {
                t.slots[p] = DUMMY;
            }
            return Some((e.1, e.2));
        }
        if self.entries.len() > 32 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some((e.1, e.2))
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        self.index.clear();
        self.len = 0;
        for (h, k, v) in old.into_iter().flatten() {
            self.insert_new(h, k, v);
        }
    }

    pub fn clear(&mut self) {
        let set = self.set_table.is_some();
        *self = if set {
            PyDict::new_set()
        } else {
            PyDict::default()
        };
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.order()
            .into_iter()
            .filter_map(|i| self.entries[i].as_ref())
            .map(|e| (&e.1, &e.2))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
    /// Raw slot count, for iterators that walk slots and detect resizes.
    pub fn slot_count(&self) -> usize {
        match &self.set_table {
            Some(t) => t.slots.len(),
            None => self.entries.len(),
        }
    }
    pub fn slot(&self, i: usize) -> Option<(&Value, &Value)> {
        let i = match &self.set_table {
            Some(t) => *t.slots.get(i)?,
            None => i,
        };
        self.entries
            .get(i)
            .and_then(|e| e.as_ref())
            .map(|e| (&e.1, &e.2))
    }
    pub fn last_slot(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }

    // String-keyed fast paths (namespaces, instance dicts): a str key only
    // ever equals another str, so no Python code can run.
    pub fn get_str(&self, k: &str) -> Option<Value> {
        let h = str_hash(k);
        let v = self.index.get(&h)?;
        for &i in v {
            if let Some((_, Value::Str(s), val)) = &self.entries[i] {
                if &**s == k {
                    return Some(val.clone());
                }
            }
        }
        None
    }
    fn find_str(&self, k: &str) -> Option<usize> {
        let h = str_hash(k);
        let v = self.index.get(&h)?;
        v.iter()
            .copied()
            .find(|&i| matches!(&self.entries[i], Some((_, Value::Str(s), _)) if &**s == k))
    }
    pub fn contains_str(&self, k: &str) -> bool {
        self.find_str(k).is_some()
    }
    pub fn set_str(&mut self, k: &str, v: Value) {
        match self.find_str(k) {
            Some(i) => self.set_slot(i, v),
            None => self.insert_new(str_hash(k), Value::Str(Rc::from(k)), v),
        }
    }
    pub fn set_str_rc(&mut self, k: Rc<str>, v: Value) {
        match self.find_str(&k) {
            Some(i) => self.set_slot(i, v),
            None => self.insert_new(str_hash(&k), Value::Str(k), v),
        }
    }
    pub fn del_str(&mut self, k: &str) -> Option<Value> {
        let i = self.find_str(k)?;
        self.remove_slot(i).map(|e| e.1)
    }
}
