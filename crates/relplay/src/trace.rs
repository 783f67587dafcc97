//! The structured facts of a traced run, as the page draws them: the mapped
//! model SQLAlchemy configured (the runtime truth, beside the static model
//! read from the text) and the step trace — for each executed script line,
//! the objects, their states, their relationship attributes on both sides
//! and what changed there, and the SQL it emitted.
//!
//! Everything is plain data with serde, so the web UI, the widget and tests
//! read the same shape. Object identities are stable labels `"Class#n"`
//! (n counts instances of that class in creation order, from 1).
//!
//! Produced by [`crate::run_traced`]. Tracing only reads: no snapshot loads
//! or expires anything, and a user's `__repr__` never runs (values show as
//! `repr()` for plain data and library values, else `<Class object>`).
//! Objects are tracked weakly, so one the script dropped leaves the
//! snapshots. Caps, after which `truncated` is set and the trace ends with
//! the step that reached them: 2,000 steps, 300 tracked objects (an
//! untracked one shows as `"Class#?"` in that last step), 50,000 object
//! snapshots in all, 2,000 changes in one step.

use serde::Serialize;

/// What a traced run adds to [`crate::Run`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// The mappers configured during the run (empty when none were).
    pub model: MappedModel,
    /// One step per executed line of the main script (including lines of
    /// the script's own functions and each loop iteration), in execution
    /// order. A step closes when the next begins, or when the run ends.
    pub steps: Vec<Step>,
    /// True when the step or object cap was reached and later steps were dropped.
    pub truncated: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct MappedModel {
    pub tables: Vec<MappedTable>,
    pub classes: Vec<MappedClassInfo>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappedTable {
    pub name: String,
    pub columns: Vec<MappedColumn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappedColumn {
    pub name: String,
    /// The type as SQLAlchemy's SQLite DDL renders it (`INTEGER`, `VARCHAR(30)`).
    pub sql_type: String,
    pub primary_key: bool,
    pub nullable: bool,
    pub unique: bool,
    /// `"table.column"` targets of the column's foreign keys.
    pub foreign_keys: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappedClassInfo {
    pub name: String,
    pub table: String,
    pub relationships: Vec<MappedRelationship>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MappedRelationship {
    /// The attribute name on `MappedClassInfo::name`.
    pub attr: String,
    /// The target class name.
    pub target: String,
    /// `"one-to-many"`, `"many-to-one"`, `"one-to-one"` (a `uselist=False`
    /// one-to-many, or a many-to-one whose other side is scalar),
    /// `"many-to-many"`; `"unconfigured"` when mapper configuration failed.
    pub direction: String,
    pub uselist: bool,
    /// The association table's name for a many-to-many.
    pub secondary: Option<String>,
    /// The loader strategy name as given to `lazy=` (`"select"` by default).
    pub lazy: String,
    /// The other side `"Class.attr"`, when paired.
    pub pair: Option<String>,
    /// `"back_populates"`, `"backref"` (declared with `backref=` here),
    /// `"backref-generated"` (created by the other side's `backref=`), or
    /// `"one-sided"`.
    pub declared: String,
    pub viewonly: bool,
    /// The script line of the `relationship()` call (0 for a generated backref).
    pub line: u32,
}

/// One executed script line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub line: u32,
    /// Every instance alive after the line ran, in creation order.
    pub objects: Vec<ObjectSnapshot>,
    /// What this line did to attributes, in the order it happened.
    pub changes: Vec<Change>,
    /// Indices into [`crate::Run::events`] written while this line ran
    /// (a print event that a one-line loop kept extending is listed by each
    /// step that extended it).
    pub events: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObjectSnapshot {
    /// `"Parent#1"`.
    pub id: String,
    pub class: String,
    /// `"transient"`, `"pending"`, `"persistent"`, `"deleted"` or `"detached"`.
    pub state: String,
    /// Column attributes present in the instance's `__dict__`, as `repr()`;
    /// expired or never-set columns are absent.
    pub columns: Vec<(String, String)>,
    pub relationships: Vec<RelValue>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RelValue {
    pub attr: String,
    /// False when the attribute is not loaded (reading it would emit SQL).
    pub loaded: bool,
    /// Object ids: none or one for a scalar, the members in order for a collection.
    pub value: Vec<String>,
    /// True for a collection (`uselist`).
    pub collection: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The object whose attribute changed (`"Parent#1"`).
    pub object: String,
    /// The attribute; empty for whole-object ops (`"state"`, `"expire"`).
    pub attr: String,
    /// `"set"` (a column or a scalar relationship; `value` is the new value,
    /// `"None"` when cleared), `"append"` / `"remove"` (a collection member;
    /// assigning a whole collection reports each), `"delete"` (del
    /// obj.attr), `"load"` (a lazy or eager load filled a relationship;
    /// `value` is what it holds), `"refresh"` (reading the expired `attr`
    /// reloaded the object's columns), `"expire"` (all attributes expired),
    /// `"state"` (`value` holds the new state).
    pub op: String,
    /// The object ids or repr involved (the appended child, the new parent...).
    pub value: Vec<String>,
    /// Why it happened when it was not a direct assignment on this line.
    /// The other side of a pair: `"backref of Child.parent"` /
    /// `"back_populates of Child.parent"` (`Child.parent` was set directly).
    /// Loads: `"lazy load"`, `"joined load"`, or the eager load's SQL cause
    /// (`"selectin load Parent.children"`, `"subquery load ..."`,
    /// `"immediate load ..."`). Refresh: `"refresh Parent.name"`. State and
    /// expiry: the session operation, `"add"`, `"delete"`, `"flush"`,
    /// `"autoflush"`, `"commit"`, `"rollback"`, `"close"`, `"expunge"`,
    /// `"cascade"` (save-update along a relationship set on an object in a
    /// session), `"load"` (a query or lazy load brought it in); `None`
    /// otherwise.
    pub via: Option<String>,
}
