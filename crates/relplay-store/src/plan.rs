//! The store's own statement plan: what translate produces and exec runs.
use crate::affinity::Affinity;
use crate::schema::TableSchema;
use crate::value::Value;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Rem,
    Concat,
    And,
    Or,
    BitAnd,
    BitOr,
    Shl,
    Shr,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Plus,
    Not,
    BitNot,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CastTo {
    Integer,
    Real,
    Numeric,
    Text,
    Blob,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AggFn {
    Count,
    CountStar,
    Sum,
    Total,
    Avg,
    Min,
    Max,
    GroupConcat,
}

#[derive(Clone, Debug)]
pub struct AggCall {
    pub func: AggFn,
    pub args: Vec<Expr>,
    pub distinct: bool,
}

#[derive(Clone, Debug)]
pub enum Expr {
    Literal(Value),
    Param(usize),
    /// A column of the row `depth` scopes out (0 = current row).
    Column {
        depth: usize,
        idx: usize,
    },
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// A comparison; `aff` is applied to both operands first.
    Compare {
        op: CmpOp,
        l: Box<Expr>,
        r: Box<Expr>,
        aff: Affinity,
    },
    Is {
        l: Box<Expr>,
        r: Box<Expr>,
        negated: bool,
        aff: Affinity,
    },
    IsNull(Box<Expr>, bool),
    InList {
        expr: Box<Expr>,
        list: Vec<Expr>,
        negated: bool,
        aff: Affinity,
    },
    InSubquery {
        expr: Box<Expr>,
        query: Rc<Query>,
        negated: bool,
        aff: Affinity,
    },
    Exists {
        query: Rc<Query>,
        negated: bool,
    },
    Subquery(Rc<Query>),
    Like {
        expr: Box<Expr>,
        pattern: Box<Expr>,
        escape: Option<Box<Expr>>,
        negated: bool,
        glob: bool,
    },
    Case {
        operand: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        else_: Option<Box<Expr>>,
    },
    Cast(Box<Expr>, CastTo),
    Func(String, Vec<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinKind {
    Inner,
    Left,
}

/// How rows of a base table are fetched; the filter is always re-checked, so an
/// access path only needs to return a superset of the matching rows.
#[derive(Clone, Debug)]
pub enum Access {
    Scan,
    Rowid {
        keys: Vec<Expr>,
        aff: Affinity,
    },
    /// Lookup in the index whose first column is `col`, probing with `keys`
    /// converted by `aff`.
    Index {
        col: usize,
        keys: Vec<Expr>,
        aff: Affinity,
    },
}

#[derive(Clone, Debug)]
pub enum SourceKind {
    Table {
        name: String,
        access: Access,
    },
    Subquery(Rc<Query>),
    /// `sqlite_master` / `sqlite_schema`, built from the catalog when read.
    Master,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub kind: SourceKind,
    pub join: JoinKind,
    pub on: Option<Expr>,
    pub width: usize,
}

#[derive(Clone, Debug)]
pub struct OrderTerm {
    pub expr: Expr,
    pub desc: bool,
    pub nulls_first: bool,
}

#[derive(Clone, Debug)]
pub struct SimpleSelect {
    pub sources: Vec<Source>,
    pub filter: Option<Expr>,
    pub aggregate: bool,
    pub group_by: Vec<Expr>,
    pub aggs: Vec<AggCall>,
    pub having: Option<Expr>,
    pub projection: Vec<Expr>,
    pub distinct: bool,
    /// Width of the joined source row (aggregate results follow it).
    pub width: usize,
    /// ORDER BY evaluated in this select's row context (simple queries only).
    pub order_by: Vec<OrderTerm>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    Union,
    UnionAll,
    Intersect,
    Except,
}

#[derive(Clone, Debug)]
pub enum Body {
    Select(Box<SimpleSelect>),
    Values(Vec<Vec<Expr>>),
    Compound(SetOp, Box<Body>, Box<Body>),
}

#[derive(Clone, Debug)]
pub struct Query {
    pub body: Body,
    /// ORDER BY of a compound query, over its output columns.
    pub order_by: Vec<OrderTerm>,
    pub limit: Option<Expr>,
    pub offset: Option<Expr>,
    pub columns: Vec<String>,
    /// Affinity of each output column (for IN and comparisons against it).
    pub affinities: Vec<Affinity>,
    pub correlated: bool,
    pub id: usize,
}

#[derive(Clone, Debug)]
pub enum InsertSource {
    Values(Vec<Vec<Expr>>),
    Query(Rc<Query>),
    Defaults,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    Abort,
    Ignore,
    Replace,
}

#[derive(Clone, Debug)]
pub struct Returning {
    pub exprs: Vec<Expr>,
    pub columns: Vec<String>,
}

#[derive(Clone, Debug)]
pub enum Pragma {
    TableInfo(String),
    ForeignKeys(Option<bool>),
    ForeignKeyList(String),
    IndexList(String),
    /// Pragmas accepted and ignored (they return nothing).
    Noop,
}

#[derive(Clone, Debug)]
pub enum Stmt {
    Query(Rc<Query>),
    Insert {
        table: String,
        columns: Vec<usize>,
        source: InsertSource,
        conflict: Conflict,
        returning: Option<Returning>,
    },
    Update {
        table: String,
        sets: Vec<(usize, Expr)>,
        filter: Option<Expr>,
        access: Access,
        returning: Option<Returning>,
    },
    Delete {
        table: String,
        filter: Option<Expr>,
        access: Access,
        returning: Option<Returning>,
    },
    CreateTable {
        schema: Rc<TableSchema>,
        if_not_exists: bool,
    },
    CreateIndex {
        name: String,
        table: String,
        columns: Vec<usize>,
        unique: bool,
        if_not_exists: bool,
        sql: String,
    },
    DropTable {
        name: String,
        if_exists: bool,
    },
    DropIndex {
        name: String,
        if_exists: bool,
    },
    Begin,
    Commit,
    Rollback,
    Savepoint(String),
    Release(String),
    RollbackTo(String),
    Pragma(Pragma),
}

/// A translated statement plus what binding needs to know about its parameters.
#[derive(Debug)]
pub struct Prepared {
    pub stmt: Stmt,
    /// Number of parameters, and the name of each named one (by index).
    pub param_names: Vec<Option<String>>,
}
