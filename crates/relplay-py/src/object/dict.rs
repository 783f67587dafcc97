//! Insertion-ordered hash table. Hashing and key equality may run Python
//! code (`__hash__`/`__eq__`), so the interpreter computes the hash and
//! confirms candidates; this table only stores and finds slots.

use std::rc::Rc;

use crate::value::Value;

#[derive(Clone, Default)]
pub struct PyDict {
    entries: Vec<Option<(i64, Value, Value)>>,
    /// Open-addressing table of entry indices (CPython's compact dict), built
    /// only past `SMALL` entries: below that a scan of the stored hashes is
    /// as fast and instance dicts stay small. A std `HashMap<i64, Vec<_>>`
    /// here cost a SipHash and a heap `Vec` per key.
    index: Index,
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
    /// The slot holding `entry`, whose hash is `h`: the probe `find_free`
    /// followed when inserting it.
    fn find_entry(&self, h: i64, entry: usize) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = h as u64;
        let mut i = (h as u64 as usize) & mask;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            for j in 0..=probes {
                match self.slots[i + j] {
                    EMPTY => return None,
                    s if s == entry => return Some(i + j),
                    _ => {}
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

/// Entries up to which lookups scan instead of using `Index`.
const SMALL: usize = 8;
const FREE: u32 = u32::MAX;
const GONE: u32 = u32::MAX - 1;

/// Slots hold entry indices; `FREE` ends a probe, `GONE` (a removed entry)
/// does not. Kept at most 2/3 full so every probe ends.
#[derive(Clone, Default)]
struct Index {
    slots: Vec<u32>,
    /// Slots not `FREE` (live and `GONE`).
    used: usize,
}

/// dictobject.c's probe sequence: every slot is reached, and the high hash
/// bits matter (Python's int hashes are the ints themselves).
struct Probe {
    i: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(h: i64, mask: usize) -> Probe {
        Probe {
            i: (h as u64 as usize) & mask,
            perturb: h as u64,
            mask,
        }
    }
    fn next(&mut self) -> usize {
        let cur = self.i;
        self.perturb >>= 5;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize))
            & self.mask;
        cur
    }
}

impl Index {
    fn is_built(&self) -> bool {
        !self.slots.is_empty()
    }
    fn build(entries: &[Option<(i64, Value, Value)>]) -> Index {
        let live = entries.iter().filter(|e| e.is_some()).count();
        let mut size = 16;
        while size < live * 3 {
            size <<= 1;
        }
        let mut t = Index {
            slots: vec![FREE; size],
            used: 0,
        };
        for (i, e) in entries.iter().enumerate() {
            if let Some(e) = e {
                t.put(e.0, i);
            }
        }
        t
    }
    fn put(&mut self, h: i64, entry: usize) {
        let mut p = Probe::new(h, self.slots.len() - 1);
        loop {
            let s = p.next();
            if self.slots[s] == FREE {
                self.slots[s] = entry as u32;
                self.used += 1;
                return;
            }
        }
    }
    fn full(&self) -> bool {
        self.used * 3 >= self.slots.len() * 2
    }
    /// Marks the slot holding `entry` (whose hash is `h`) as removed.
    fn remove(&mut self, h: i64, entry: usize) {
        let mut p = Probe::new(h, self.slots.len() - 1);
        loop {
            let s = p.next();
            match self.slots[s] {
                FREE => return,
                x if x as usize == entry => {
                    self.slots[s] = GONE;
                    return;
                }
                _ => {}
            }
        }
    }
}

/// Hash of a string key; any stable function will do (CPython randomizes it).
/// `const`, so a fixed key's hash can be computed at compile time.
pub const fn str_hash(s: &str) -> i64 {
    let b = s.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < b.len() {
        h ^= b[i] as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
        i += 1;
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
        let mut out = Vec::new();
        self.find_hashed(h, |i, k| {
            out.push((i, k.clone()));
            false
        });
        out
    }

    /// The first entry with hash `h` whose key satisfies `f`, in probe order.
    fn find_hashed(&self, h: i64, mut f: impl FnMut(usize, &Value) -> bool) -> Option<usize> {
        if !self.index.is_built() {
            return self.entries.iter().enumerate().find_map(|(i, e)| match e {
                Some((eh, k, _)) if *eh == h && f(i, k) => Some(i),
                _ => None,
            });
        }
        let mut p = Probe::new(h, self.index.slots.len() - 1);
        loop {
            match self.index.slots[p.next()] {
                FREE => return None,
                GONE => {}
                x => {
                    let i = x as usize;
                    if let Some(Some((eh, k, _))) = self.entries.get(i) {
                        if *eh == h && f(i, k) {
                            return Some(i);
                        }
                    }
                }
            }
        }
    }

    /// The entry whose key is `k` itself (the identity check CPython makes
    /// before `__eq__`), found without copying the candidates.
    pub fn find_identical(&self, h: i64, k: &Value) -> Option<usize> {
        self.find_hashed(h, |_, ck| ck.is(k))
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
        if self.index.is_built() {
            self.index.put(h, i);
            if self.index.full() {
                self.index = Index::build(&self.entries);
            }
        } else if self.entries.len() > SMALL {
            self.index = Index::build(&self.entries);
        }
        self.len += 1;
        if self.set_table.is_some() {
            self.table_insert(h, i);
        }
    }

    pub fn remove_slot(&mut self, i: usize) -> Option<(Value, Value)> {
        let e = self.entries.get_mut(i)?.take()?;
        if self.index.is_built() {
            self.index.remove(e.0, i);
        }
        self.len -= 1;
        if let Some(t) = self.set_table.as_mut() {
            if let Some(p) = t.find_entry(e.0, i) {
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
        self.index = Index::default();
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
    /// Every entry, in storage order (cheaper than `iter`, which orders).
    pub fn for_each_entry(&self, mut f: impl FnMut(&Value, &Value)) {
        for (_, k, v) in self.entries.iter().flatten() {
            f(k, v);
        }
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
        self.get_str_hashed(k, str_hash(k))
    }
    /// `get_str` with `str_hash(k)` already computed (a lookup along an MRO
    /// hashes the name once).
    pub fn get_str_hashed(&self, k: &str, h: i64) -> Option<Value> {
        let i = self.find_str_hashed(k, h)?;
        self.get_slot(i).cloned()
    }
    fn find_str_hashed(&self, k: &str, h: i64) -> Option<usize> {
        self.find_hashed(h, |_, ck| matches!(ck, Value::Str(s) if &**s == k))
    }
    fn find_str(&self, k: &str) -> Option<usize> {
        self.find_str_hashed(k, str_hash(k))
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
