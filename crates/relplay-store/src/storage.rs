//! Row storage: rows keyed by rowid plus secondary indexes kept in step.
use crate::schema::TableSchema;
use crate::value::{keys, SortKey, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

pub type Row = Vec<Value>;

#[derive(Clone, Debug)]
pub struct Index {
    pub name: String,
    pub columns: Vec<usize>,
    pub unique: bool,
    /// Created by a constraint (sqlite_autoindex_*) rather than CREATE INDEX.
    pub auto: bool,
    /// Internal helper index (FK columns): not visible in sqlite_master.
    pub hidden: bool,
    pub sql: Option<String>,
    /// Position in creation order (sqlite_master lists objects that way).
    pub created: u64,
    pub map: BTreeMap<Vec<SortKey>, BTreeSet<i64>>,
}

impl Index {
    pub fn key(&self, row: &Row) -> Vec<SortKey> {
        self.columns.iter().map(|&c| SortKey(row[c].clone())).collect()
    }

    /// Rowids whose first indexed column equals `v`.
    pub fn lookup_first(&self, v: &Value, out: &mut Vec<i64>) {
        if self.columns.len() == 1 {
            if let Some(s) = self.map.get(&[SortKey(v.clone())][..]) {
                out.extend(s.iter().copied());
            }
            return;
        }
        let lo = vec![SortKey(v.clone())];
        for (k, s) in self.map.range(lo..) {
            if k[0] != SortKey(v.clone()) {
                break;
            }
            out.extend(s.iter().copied());
        }
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    /// Position in creation order (sqlite_master lists objects that way).
    pub created: u64,
    /// The lowercased name the catalog files this table under (shared by undo records).
    pub key: Rc<str>,
    pub schema: Rc<TableSchema>,
    pub rows: BTreeMap<i64, Row>,
    pub indexes: Vec<Index>,
}

impl Table {
    pub fn new(schema: Rc<TableSchema>, created: u64) -> Table {
        let mut indexes = Vec::new();
        let name = &schema.name;
        let mut n = 0;
        let non_alias_pk = schema.rowid_alias.is_none() && !schema.pk.is_empty();
        let mut groups: Vec<(Vec<usize>, bool)> = Vec::new();
        if non_alias_pk {
            groups.push((schema.pk.clone(), true));
        }
        for u in &schema.uniques {
            groups.push((u.clone(), true));
        }
        for (cols, unique) in groups {
            if indexes.iter().any(|i: &Index| i.columns == cols) {
                continue;
            }
            n += 1;
            indexes.push(Index {
                name: format!("sqlite_autoindex_{name}_{n}"),
                columns: cols,
                unique,
                auto: true,
                hidden: false,
                sql: None,
                created,
                map: BTreeMap::new(),
            });
        }
        // FK child columns get an index so cascades and parent checks don't scan.
        for fk in &schema.fks {
            if indexes.iter().any(|i| i.columns.first() == fk.columns.first()) {
                continue;
            }
            indexes.push(Index {
                name: format!("relplay_fk_{name}_{}", fk.columns[0]),
                columns: fk.columns.clone(),
                unique: false,
                auto: false,
                hidden: true,
                sql: None,
                created,
                map: BTreeMap::new(),
            });
        }
        Table {
            created,
            key: Rc::from(schema.name.to_ascii_lowercase().as_str()),
            schema,
            rows: BTreeMap::new(),
            indexes,
        }
    }

    pub fn insert_raw(&mut self, rowid: i64, row: Row) {
        for ix in &mut self.indexes {
            let k = ix.columns.iter().map(|&c| SortKey(row[c].clone())).collect();
            ix.map.entry(k).or_default().insert(rowid);
        }
        self.rows.insert(rowid, row);
    }

    pub fn delete_raw(&mut self, rowid: i64) -> Option<Row> {
        let row = self.rows.remove(&rowid)?;
        for ix in &mut self.indexes {
            let k = ix.key(&row);
            if let Some(s) = ix.map.get_mut(&k) {
                s.remove(&rowid);
                if s.is_empty() {
                    ix.map.remove(&k);
                }
            }
        }
        Some(row)
    }

    /// The index (if any) whose leading column is `col`.
    pub fn index_on(&self, col: usize) -> Option<&Index> {
        self.indexes.iter().find(|i| i.columns.first() == Some(&col))
    }

    /// A rowid other than `except` holding the same key in a unique index, if any.
    pub fn unique_conflict(&self, row: &Row, except: Option<i64>) -> Option<(usize, i64)> {
        // SQLite links each new index at the head of the table's list, so the
        // constraint reported first is the one declared last.
        for (n, ix) in self.indexes.iter().enumerate().rev() {
            if !ix.unique || ix.columns.iter().any(|&c| row[c].is_null()) {
                continue;
            }
            if let Some(s) = ix.map.get(&ix.key(row)) {
                if let Some(&r) = s.iter().find(|&&r| Some(r) != except) {
                    return Some((n, r));
                }
            }
        }
        None
    }

    pub fn build_index(&mut self, ix: &mut Index) {
        for (rowid, row) in &self.rows {
            ix.map
                .entry(keys(&ix.columns.iter().map(|&c| row[c].clone()).collect::<Vec<_>>()))
                .or_default()
                .insert(*rowid);
        }
    }
}
