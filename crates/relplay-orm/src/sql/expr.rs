//! Column expressions. Constructors mirror what SQLAlchemy's operators
//! build (`col == None` is `IS NULL`, `~(a == b)` is `a != b`, literals take
//! the compared column's type), so the compiler only has to render.

use super::operators::BinOp;
use super::select::Select;
use crate::types::SqlType;
use crate::PyValue;
use std::rc::Rc;

/// What an aliased name stands for.
#[derive(Clone, Debug, PartialEq)]
pub enum AliasTarget {
    Table(String),
    Select(Box<Select>),
}

/// `table.alias()` / `aliased(Cls)` / `select.subquery()`. Anonymous
/// aliases are named at compile time in order of first use: `address_1`
/// for a table, `anon_1` for a subquery.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// Identity: two aliases of the same table are different FROMs.
    pub id: u32,
    pub name: Option<String>,
    pub target: AliasTarget,
}

impl Alias {
    /// The base of the anonymous name.
    pub fn anon_base(&self) -> &str {
        match &self.target {
            AliasTarget::Table(t) => t,
            AliasTarget::Select(_) => "anon",
        }
    }
}

/// Where a column comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Table(Rc<str>),
    Alias(Rc<Alias>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColRef {
    pub source: Source,
    pub name: String,
    pub ty: SqlType,
}

impl ColRef {
    pub fn new(table: &str, name: &str, ty: SqlType) -> ColRef {
        ColRef {
            source: Source::Table(Rc::from(table)),
            name: name.into(),
            ty,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Column(ColRef),
    /// A bound value; its position in the rendered SQL gives its `?` slot.
    Bind {
        value: PyValue,
        ty: SqlType,
    },
    /// `IN` list bound as one expanding parameter.
    Expanding {
        values: Vec<PyValue>,
        ty: SqlType,
    },
    Null,
    /// `true()`/`false()`: SQLite renders 1 / 0.
    Bool(bool),
    /// Raw SQL text (`text()`, `literal_column()`), rendered verbatim.
    Raw(String),
    /// `*`, as in `count(*)` and `EXISTS (SELECT * ...)`.
    Star,
    Binary {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    /// `startswith`/`endswith`/`contains`: `(x LIKE ? || '%')`.
    LikeAffix {
        expr: Box<Expr>,
        pattern: Box<Expr>,
        prefix: bool,
        suffix: bool,
    },
    Not(Box<Expr>),
    Neg(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Between {
        expr: Box<Expr>,
        low: Box<Expr>,
        high: Box<Expr>,
        negated: bool,
    },
    Func {
        name: String,
        args: Vec<Expr>,
        ty: SqlType,
    },
    Label {
        name: String,
        expr: Box<Expr>,
    },
    Exists(Box<Select>),
    ScalarSelect(Box<Select>),
    /// `case((cond, result), ..., else_=)`, or `case({v: r}, value=x)`.
    Case {
        value: Option<Box<Expr>>,
        whens: Vec<(Expr, Expr)>,
        else_: Option<Box<Expr>>,
        ty: SqlType,
    },
    /// `cast(expr, Type)`: `CAST(expr AS TYPE)`.
    Cast {
        expr: Box<Expr>,
        ty: SqlType,
    },
    /// An ORDER BY element.
    Desc(Box<Expr>),
    Asc(Box<Expr>),
}

impl Expr {
    pub fn col(table: &str, name: &str, ty: SqlType) -> Expr {
        Expr::Column(ColRef::new(table, name, ty))
    }

    /// The SQL type of the expression, for coercing compared literals.
    pub fn sql_type(&self) -> SqlType {
        match self {
            Expr::Column(c) => c.ty.clone(),
            Expr::Bind { ty, .. }
            | Expr::Expanding { ty, .. }
            | Expr::Func { ty, .. }
            | Expr::Case { ty, .. }
            | Expr::Cast { ty, .. } => ty.clone(),
            Expr::Label { expr, .. } | Expr::Neg(expr) => expr.sql_type(),
            Expr::Binary {
                left,
                op: BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Mod | BinOp::Concat,
                ..
            } => left.sql_type(),
            Expr::Bool(_)
            | Expr::Binary { .. }
            | Expr::Not(_)
            | Expr::And(_)
            | Expr::Or(_)
            | Expr::Between { .. }
            | Expr::LikeAffix { .. }
            | Expr::Exists(_) => SqlType::Boolean,
            _ => SqlType::Null,
        }
    }

    /// A literal compared with `self`, typed as SQLAlchemy would.
    pub fn literal_for(&self, v: PyValue) -> Expr {
        let ty = self.sql_type().coerce_compared_value(&v);
        Expr::Bind { value: v, ty }
    }

    pub fn binary(self, op: BinOp, right: Expr) -> Expr {
        Expr::Binary {
            left: Box::new(self),
            op,
            right: Box::new(right),
        }
    }

    /// `self == value`; `None` gives `IS NULL`.
    pub fn eq_value(self, v: PyValue) -> Expr {
        if v == PyValue::None {
            return self.binary(BinOp::Is, Expr::Null);
        }
        // `== True` compares with the constant, rendered 1 on SQLite.
        if let PyValue::Bool(b) = v {
            return self.binary(BinOp::Eq, Expr::Bool(b));
        }
        let r = self.literal_for(v);
        self.binary(BinOp::Eq, r)
    }

    /// `self != value`; `None` gives `IS NOT NULL`.
    pub fn ne_value(self, v: PyValue) -> Expr {
        if v == PyValue::None {
            return self.binary(BinOp::IsNot, Expr::Null);
        }
        if let PyValue::Bool(b) = v {
            return self.binary(BinOp::Ne, Expr::Bool(b));
        }
        let r = self.literal_for(v);
        self.binary(BinOp::Ne, r)
    }

    /// `self <op> value` for comparison/arithmetic with a literal.
    pub fn op_value(self, op: BinOp, v: PyValue) -> Expr {
        match op {
            BinOp::Eq => self.eq_value(v),
            BinOp::Ne => self.ne_value(v),
            _ => {
                let r = self.literal_for(v);
                self.binary(op, r)
            }
        }
    }

    /// `value <op> self` (e.g. the lazy loader's `? = address.user_id`).
    pub fn value_op(v: PyValue, op: BinOp, right: Expr) -> Expr {
        let l = right.literal_for(v);
        l.binary(op, right)
    }

    pub fn in_values(self, values: Vec<PyValue>) -> Expr {
        let ty = self.sql_type();
        self.binary(BinOp::In, Expr::Expanding { values, ty })
    }

    pub fn not_in_values(self, values: Vec<PyValue>) -> Expr {
        let ty = self.sql_type();
        self.binary(BinOp::NotIn, Expr::Expanding { values, ty })
    }

    pub fn is_null(self) -> Expr {
        self.binary(BinOp::Is, Expr::Null)
    }

    pub fn is_not_null(self) -> Expr {
        self.binary(BinOp::IsNot, Expr::Null)
    }

    /// `startswith` / `endswith` / `contains`.
    pub fn like_affix(self, v: PyValue, prefix: bool, suffix: bool) -> Expr {
        let p = self.literal_for(v);
        Expr::LikeAffix {
            expr: Box::new(self),
            pattern: Box::new(p),
            prefix,
            suffix,
        }
    }

    pub fn label(self, name: &str) -> Expr {
        Expr::Label {
            name: name.into(),
            expr: Box::new(self),
        }
    }

    pub fn desc(self) -> Expr {
        Expr::Desc(Box::new(self))
    }

    /// `func.count()` with no argument renders `count(*)`.
    pub fn count(arg: Option<Expr>) -> Expr {
        Expr::Func {
            name: "count".into(),
            args: vec![arg.unwrap_or(Expr::Star)],
            ty: SqlType::Integer,
        }
    }

    pub fn func(name: &str, args: Vec<Expr>) -> Expr {
        let ty = args.first().map(|a| a.sql_type()).unwrap_or(SqlType::Null);
        Expr::Func {
            name: name.into(),
            args,
            ty,
        }
    }
}

/// `~expr` / `not_(expr)`: comparisons flip their operator, everything
/// else gets `NOT (...)` — twice for a double negation of AND/OR/EXISTS,
/// which SQLAlchemy does not cancel. A Boolean column negates to
/// `col = 0` on SQLite (no native boolean), and back to `col = 1`.
pub fn not_(e: Expr) -> Expr {
    match e {
        Expr::Binary { left, op, right } => match op.negate() {
            Some(n) => Expr::Binary { left, op: n, right },
            None => Expr::Not(Box::new(Expr::Binary { left, op, right })),
        },
        Expr::Between {
            expr,
            low,
            high,
            negated,
        } => Expr::Between {
            expr,
            low,
            high,
            negated: !negated,
        },
        Expr::Not(inner) if matches!(*inner, Expr::Column(_)) => *inner,
        Expr::Not(inner) => Expr::Not(Box::new(Expr::Not(inner))),
        Expr::Bool(b) => Expr::Bool(!b),
        other => Expr::Not(Box::new(other)),
    }
}

/// `and_(...)`, flattening nested ANDs as SQLAlchemy does.
pub fn and_(items: Vec<Expr>) -> Expr {
    let mut out = Vec::new();
    for e in items {
        match e {
            Expr::And(inner) => out.extend(inner),
            e => out.push(e),
        }
    }
    if out.len() == 1 {
        out.pop().unwrap_or(Expr::And(Vec::new()))
    } else {
        Expr::And(out)
    }
}

/// `or_(...)`, flattening nested ORs.
pub fn or_(items: Vec<Expr>) -> Expr {
    let mut out = Vec::new();
    for e in items {
        match e {
            Expr::Or(inner) => out.extend(inner),
            e => out.push(e),
        }
    }
    if out.len() == 1 {
        out.pop().unwrap_or(Expr::Or(Vec::new()))
    } else {
        Expr::Or(out)
    }
}
