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
        *self = PyDict::default();
    }

    /// Entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.1, &e.2))
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
        self.entries.len()
    }
    pub fn slot(&self, i: usize) -> Option<(&Value, &Value)> {
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
