//! `Select` (mirrors `sql/selectable.py`).

use super::expr::{and_, Alias, Expr};
use crate::PyValue;
use std::rc::Rc;

/// How unlabeled columns of the top-level SELECT list are labeled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LabelStyle {
    /// 2.x `select()`: bare names, `AS id_1` only to disambiguate.
    #[default]
    Disambiguate,
    /// Legacy `Query`: every column `AS table_col`.
    TablenamePlusCol,
    /// No labels at all, duplicates included (the lazy loader's statements).
    None,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FromItem {
    Table(Rc<str>),
    Alias(Rc<Alias>),
    Join {
        left: Box<FromItem>,
        right: Box<FromItem>,
        on: Expr,
        outer: bool,
    },
}

impl FromItem {
    pub fn table(name: &str) -> FromItem {
        FromItem::Table(Rc::from(name))
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Select {
    pub columns: Vec<Expr>,
    /// Explicit FROMs: `select_from()` and joins.
    pub from: Vec<FromItem>,
    pub where_: Vec<Expr>,
    pub group_by: Vec<Expr>,
    pub having: Vec<Expr>,
    pub order_by: Vec<Expr>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    pub distinct: bool,
    pub label_style: LabelStyle,
}

impl Select {
    pub fn new(columns: Vec<Expr>) -> Select {
        Select {
            columns,
            ..Select::default()
        }
    }

    pub fn where_(mut self, e: Expr) -> Select {
        self.where_.push(e);
        self
    }

    pub fn order_by(mut self, e: Expr) -> Select {
        self.order_by.push(e);
        self
    }

    pub fn select_from(mut self, f: FromItem) -> Select {
        self.from.push(f);
        self
    }

    pub fn limit(mut self, n: i64) -> Select {
        self.limit = Some(n);
        self
    }

    pub fn offset(mut self, n: i64) -> Select {
        self.offset = Some(n);
        self
    }

    /// `Select.join(target, onclause)`: joins from the first FROM (the
    /// explicit one, else the first table of the columns clause).
    pub fn join(mut self, right: FromItem, on: Expr, outer: bool) -> Select {
        let left = if self.from.is_empty() {
            super::froms::column_froms(&self.columns).into_iter().next()
        } else {
            Some(self.from.remove(0))
        };
        let joined = match left {
            Some(l) => FromItem::Join {
                left: Box::new(l),
                right: Box::new(right),
                on,
                outer,
            },
            None => right,
        };
        self.from.insert(0, joined);
        self
    }

    /// The WHERE criteria combined as one AND.
    pub fn where_clause(&self) -> Option<Expr> {
        if self.where_.is_empty() {
            None
        } else {
            Some(and_(self.where_.clone()))
        }
    }

    /// `select.subquery()` with an anonymous name.
    pub fn subquery(self, id: u32) -> Rc<Alias> {
        Rc::new(Alias {
            id,
            name: None,
            target: super::expr::AliasTarget::Select(Box::new(self)),
        })
    }

    /// A value usable in `LIMIT`: kept as a Python int parameter.
    pub(crate) fn limit_params(&self) -> Option<(PyValue, PyValue)> {
        if self.limit.is_none() && self.offset.is_none() {
            return None;
        }
        Some((
            PyValue::Int(self.limit.unwrap_or(-1)),
            PyValue::Int(self.offset.unwrap_or(0)),
        ))
    }
}
