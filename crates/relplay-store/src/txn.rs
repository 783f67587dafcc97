//! Undo log behind transactions, savepoints and statement atomicity: every
//! change is recorded with what restores it, and rollback replays it backwards.
use crate::exec::State;
use crate::storage::{Index, Row, Table};
use std::rc::Rc;

pub enum Undo {
    Insert { table: Rc<str>, rowid: i64 },
    Delete { table: Rc<str>, rowid: i64, row: Row },
    Update { table: Rc<str>, rowid: i64, row: Row },
    CreateTable(Rc<str>),
    DropTable(Box<Table>),
    CreateIndex { table: Rc<str>, name: String },
    DropIndex { table: Rc<str>, index: Box<Index> },
    Seq { table: Rc<str>, old: Option<i64> },
    SequenceTableCreated,
}

#[derive(Default)]
pub struct Txn {
    pub active: bool,
    /// Savepoint names with the log length when each was set.
    pub savepoints: Vec<(String, usize)>,
    /// The transaction was opened by a SAVEPOINT, so releasing it commits.
    pub by_savepoint: bool,
}

impl State {
    pub fn insert_row(&mut self, table: &str, rowid: i64, row: Row) {
        if let Some(t) = self.tables.get_mut(table) {
            t.insert_raw(rowid, row);
            self.log.push(Undo::Insert {
                table: t.key.clone(),
                rowid,
            });
        }
    }

    /// Remove a row; the undo log keeps it. Returns whether it existed.
    pub fn delete_row(&mut self, table: &str, rowid: i64) -> bool {
        let Some(t) = self.tables.get_mut(table) else { return false };
        let Some(row) = t.delete_raw(rowid) else { return false };
        self.log.push(Undo::Delete {
            table: t.key.clone(),
            rowid,
            row,
        });
        true
    }

    pub fn replace_row(&mut self, table: &str, rowid: i64, new: Row) {
        if let Some(t) = self.tables.get_mut(table) {
            if let Some(old) = t.delete_raw(rowid) {
                t.insert_raw(rowid, new);
                self.log.push(Undo::Update {
                    table: t.key.clone(),
                    rowid,
                    row: old,
                });
            }
        }
    }

    pub fn set_seq(&mut self, table: &str, v: i64) {
        let old = self.seq.insert(table.to_string(), v);
        self.log.push(Undo::Seq {
            table: Rc::from(table),
            old,
        });
    }

    /// Undo changes until the log is `mark` entries long.
    pub fn undo_to(&mut self, mark: usize) {
        while self.log.len() > mark {
            let Some(u) = self.log.pop() else { break };
            match u {
                Undo::Insert { table, rowid } => {
                    if let Some(t) = self.tables.get_mut(&*table) {
                        t.delete_raw(rowid);
                    }
                }
                Undo::Delete { table, rowid, row } => {
                    if let Some(t) = self.tables.get_mut(&*table) {
                        t.insert_raw(rowid, row);
                    }
                }
                Undo::Update { table, rowid, row } => {
                    if let Some(t) = self.tables.get_mut(&*table) {
                        t.delete_raw(rowid);
                        t.insert_raw(rowid, row);
                    }
                }
                Undo::CreateTable(name) => {
                    self.tables.remove(&*name);
                }
                Undo::DropTable(t) => {
                    self.tables.insert(t.schema.name.to_ascii_lowercase(), *t);
                }
                Undo::CreateIndex { table, name } => {
                    if let Some(t) = self.tables.get_mut(&*table) {
                        t.indexes.retain(|i| i.name != name);
                    }
                }
                Undo::DropIndex { table, index } => {
                    if let Some(t) = self.tables.get_mut(&*table) {
                        t.indexes.push(*index);
                    }
                }
                Undo::SequenceTableCreated => self.sequence_table = None,
                Undo::Seq { table, old } => match old {
                    Some(v) => {
                        self.seq.insert(table.to_string(), v);
                    }
                    None => {
                        self.seq.remove(&*table);
                    }
                },
            }
        }
    }
}
