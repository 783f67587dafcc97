//! Rendering expressions and SELECTs as the SQLite dialect's compiler does, with
//! positional `?` parameters in render order, and a cache key: the
//! statement's shape without its values (expanding IN lists of any length
//! share one key, as in SQLAlchemy).

use super::expr::{and_, Alias, AliasTarget, ColRef, Expr, Source};
use super::froms::{
    column_froms, expr_sources, from_key, join_members, key_of, source_from, FromKey,
};
use super::operators::{BinOp, PREC_AND, PREC_BETWEEN, PREC_NEG, PREC_NOT, PREC_OR};
use super::quote::{quote_in, Dialect};
use super::select::{FromItem, LabelStyle, Select};
use crate::error::OrmResult;
use crate::types::{bind_process, SqlType};
use crate::PyValue;
use std::collections::HashMap;

/// The context an expression is rendered in, for parenthesisation.
#[derive(Clone, Copy, PartialEq)]
enum Parent {
    Bin(BinOp),
    And,
    Or,
    Prec(i32),
}

impl Parent {
    fn prec(self) -> i32 {
        match self {
            Parent::Bin(op) => op.precedence(),
            Parent::And => PREC_AND,
            Parent::Or => PREC_OR,
            Parent::Prec(p) => p,
        }
    }
}

fn is_bool_column(e: &Expr) -> bool {
    matches!(e, Expr::Column(c) if c.ty == SqlType::Boolean)
}

/// Whether an element of precedence `prec` (operator `me`) needs
/// parentheses inside `against` (`operators.is_precedent`).
fn needs_group(prec: i32, me: Option<Parent>, against: Option<Parent>) -> bool {
    let Some(a) = against else { return false };
    if let (Some(Parent::Bin(m)), Parent::Bin(o)) = (me, a) {
        if m == o && m.self_associative() {
            return false;
        }
    }
    if me.is_some() && me == Some(a) && matches!(a, Parent::And | Parent::Or) {
        return false;
    }
    prec <= a.prec()
}

pub(super) struct Ctx {
    pub(super) key_mode: bool,
    pub(super) dialect: Dialect,
    /// Name base of the next bind in `Dialect::Default` (`name_1`, ...):
    /// the key of the expression it is compared with, else `param`.
    pub(super) bind_base: Option<String>,
    pub(super) params: Vec<PyValue>,
    pub(super) types: Vec<SqlType>,
    pub(super) anon: HashMap<String, u32>,
    pub(super) alias_names: HashMap<u32, String>,
    /// FROMs of enclosing SELECTs, for auto-correlation.
    pub(super) enclosing: Vec<Vec<FromKey>>,
    /// UPDATE: the parameter slots of the bound SET values, and how many
    /// parameters the SET clause holds (expression values add their own).
    pub(super) set_slots: Vec<usize>,
    pub(super) set_len: usize,
}

impl Ctx {
    pub(super) fn new(key_mode: bool, dialect: Dialect) -> Ctx {
        Ctx {
            key_mode,
            dialect,
            bind_base: None,
            params: Vec::new(),
            types: Vec::new(),
            anon: HashMap::new(),
            alias_names: HashMap::new(),
            enclosing: Vec::new(),
            set_slots: Vec::new(),
            set_len: 0,
        }
    }

    /// A SET value expression, grouped as SQLAlchemy's self_group() does.
    pub(super) fn set_value(&mut self, e: &Expr) -> OrmResult<String> {
        self.expr(e, Some(Parent::Prec(i32::MAX)))
    }

    /// Next anonymous name for `base`: `base_1`, `base_2`, ...
    fn anon_name(&mut self, base: &str, sep: &str) -> String {
        let key = format!("{base}{sep}");
        let n = self.anon.entry(key).or_insert(0);
        *n += 1;
        format!("{base}{sep}{n}")
    }

    fn alias_name(&mut self, a: &Alias) -> String {
        if let Some(n) = &a.name {
            return n.clone();
        }
        if let Some(n) = self.alias_names.get(&a.id) {
            return n.clone();
        }
        let n = self.anon_name(a.anon_base(), "_");
        self.alias_names.insert(a.id, n.clone());
        n
    }

    fn source_name(&mut self, s: &Source) -> String {
        match s {
            Source::Table(t) => self.q(t),
            Source::Alias(a) => {
                let n = self.alias_name(a);
                self.q(&n)
            }
        }
    }

    fn source_label_base(&mut self, s: &Source) -> String {
        match s {
            Source::Table(t) => t.to_string(),
            Source::Alias(a) => self.alias_name(a),
        }
    }

    /// A DML value placeholder: `?`, or `:col` (named after the column).
    pub(super) fn dml_mark(&self, col: &str) -> String {
        match self.dialect {
            Dialect::Sqlite => "?".into(),
            Dialect::Default => format!(":{col}"),
        }
    }

    pub(super) fn q(&self, name: &str) -> String {
        quote_in(self.dialect, name)
    }

    /// The anonymous bind name of `Dialect::Default`; binds share the
    /// counters of anonymous labels (`count_1` label, then `count_2` bind).
    fn bind_name(&mut self) -> String {
        let base = self.bind_base.take().unwrap_or_else(|| "param".into());
        self.anon_name(&base, "_")
    }

    fn bind(&mut self, v: &PyValue, ty: &SqlType) -> OrmResult<String> {
        self.params.push(bind_process(ty, v)?);
        self.types.push(ty.clone());
        Ok(match self.dialect {
            Dialect::Sqlite => "?".into(),
            Dialect::Default => format!(":{}", self.bind_name()),
        })
    }

    /// Render `e` with binds named after `key` (the compared expression).
    fn expr_keyed(
        &mut self,
        e: &Expr,
        against: Option<Parent>,
        key: Option<String>,
    ) -> OrmResult<String> {
        self.bind_base = key;
        let r = self.expr(e, against);
        self.bind_base = None;
        r
    }

    fn column(&mut self, c: &ColRef) -> String {
        format!("{}.{}", self.source_name(&c.source), self.q(&c.name))
    }

    /// A top-level expression (a WHERE clause).
    pub(super) fn top_expr(&mut self, e: &Expr) -> OrmResult<String> {
        self.boolean(e, None)
    }

    /// An expression in a boolean position (WHERE, HAVING, AND/OR items):
    /// a bare Boolean column is `col = 1` on SQLite.
    fn boolean(&mut self, e: &Expr, against: Option<Parent>) -> OrmResult<String> {
        if is_bool_column(e) {
            return Ok(format!("{} = 1", self.expr(e, None)?));
        }
        self.expr(e, against)
    }

    fn expr(&mut self, e: &Expr, against: Option<Parent>) -> OrmResult<String> {
        Ok(match e {
            Expr::Column(c) => self.column(c),
            Expr::Bind { value, ty } => self.bind(value, ty)?,
            Expr::Expanding { values, ty } => {
                if self.key_mode {
                    self.types.push(ty.clone());
                    "(__[POSTCOMPILE])".into()
                } else if self.dialect == Dialect::Default {
                    self.types.push(ty.clone());
                    format!("(__[POSTCOMPILE_{}])", self.bind_name())
                } else if values.is_empty() {
                    // The SQLite dialect's empty-set expression.
                    "(SELECT 1 FROM (SELECT 1) WHERE 1!=1)".into()
                } else {
                    let mut marks = Vec::new();
                    for v in values {
                        marks.push(self.bind(v, ty)?);
                    }
                    format!("({})", marks.join(", "))
                }
            }
            Expr::Null => "NULL".into(),
            Expr::Bool(b) => if *b { "1" } else { "0" }.into(),
            Expr::Raw(s) => s.clone(),
            Expr::Star => "*".into(),
            Expr::Binary { left, op, right } => {
                let me = Parent::Bin(*op);
                let (l, r) = match op {
                    BinOp::ILike | BinOp::NotILike => (
                        format!("lower({})", self.expr(left, Some(Parent::Prec(-1)))?),
                        format!("lower({})", self.expr(right, Some(Parent::Prec(-1)))?),
                    ),
                    _ => {
                        let l = self.expr_keyed(left, Some(me), None)?;
                        (l, self.expr_keyed(right, Some(me), key_of(left))?)
                    }
                };
                let s = format!("{l}{}{r}", op.sql());
                // NOT IN is always rendered in its own parentheses.
                if *op == BinOp::NotIn || needs_group(op.precedence(), Some(me), against) {
                    format!("({s})")
                } else {
                    s
                }
            }
            Expr::LikeAffix {
                expr,
                pattern,
                prefix,
                suffix,
            } => {
                let l = self.expr(expr, Some(Parent::Bin(BinOp::Like)))?;
                let p = self.expr_keyed(pattern, Some(Parent::Bin(BinOp::Concat)), key_of(expr))?;
                let mut rhs = String::new();
                if *suffix {
                    rhs.push_str("'%' || ");
                }
                rhs.push_str(&p);
                if *prefix {
                    rhs.push_str(" || '%'");
                }
                format!("({l} LIKE {rhs})")
            }
            Expr::Not(inner) if is_bool_column(inner) => format!("{} = 0", self.expr(inner, None)?),
            Expr::Not(inner) => {
                let s = format!("NOT {}", self.group_for(inner, PREC_NOT)?);
                if needs_group(PREC_NOT, None, against) {
                    format!("({s})")
                } else {
                    s
                }
            }
            Expr::Neg(inner) => format!("-{}", self.group_for(inner, PREC_NEG)?),
            Expr::And(items) | Expr::Or(items) => {
                let (me, sep) = if matches!(e, Expr::And(_)) {
                    (Parent::And, " AND ")
                } else {
                    (Parent::Or, " OR ")
                };
                let mut parts = Vec::new();
                for i in items {
                    parts.push(self.boolean(i, Some(me))?);
                }
                let s = parts.join(sep);
                if items.len() > 1 && needs_group(me.prec(), Some(me), against) {
                    format!("({s})")
                } else {
                    s
                }
            }
            Expr::Between {
                expr,
                low,
                high,
                negated,
            } => {
                let p = Some(Parent::Prec(PREC_BETWEEN));
                let s = format!(
                    "{} {}BETWEEN {} AND {}",
                    self.expr(expr, p)?,
                    if *negated { "NOT " } else { "" },
                    self.expr_keyed(low, p, key_of(expr))?,
                    self.expr_keyed(high, p, key_of(expr))?
                );
                if needs_group(PREC_BETWEEN, None, against) {
                    format!("({s})")
                } else {
                    s
                }
            }
            Expr::Func { name, args, .. } => {
                let mut parts = Vec::new();
                for a in args {
                    parts.push(self.expr(a, Some(Parent::Prec(-1)))?);
                }
                format!("{name}({})", parts.join(", "))
            }
            Expr::Label { expr, .. } => self.expr(expr, against)?,
            Expr::Cast { expr, ty } => format!(
                "CAST({} AS {})",
                self.expr(expr, Some(Parent::Prec(-1)))?,
                ty.ddl_name()
            ),
            Expr::Case {
                value,
                whens,
                else_,
                ..
            } => {
                let mut out = String::from("CASE ");
                if let Some(v) = value {
                    out.push_str(&self.expr(v, Some(Parent::Prec(-1)))?);
                    out.push(' ');
                }
                for (w, t) in whens {
                    // each WHEN condition is grouped, as SQLAlchemy's self_group()
                    let w = self.expr(w, Some(Parent::Prec(i32::MAX)))?;
                    let t = self.expr(t, Some(Parent::Prec(-1)))?;
                    out.push_str(&format!("WHEN {w} THEN {t} "));
                }
                if let Some(e) = else_ {
                    out.push_str(&format!("ELSE {} ", self.expr(e, Some(Parent::Prec(-1)))?));
                }
                out.push_str("END");
                out
            }
            Expr::Exists(sel) => {
                let s = format!("EXISTS ({})", self.select(sel, SelectMode::Nested)?);
                if needs_group(0, None, against) {
                    format!("({s})")
                } else {
                    s
                }
            }
            Expr::ScalarSelect(sel) => format!("({})", self.select(sel, SelectMode::Nested)?),
            Expr::Desc(x) => format!("{} DESC", self.expr(x, Some(Parent::Prec(3)))?),
            Expr::Asc(x) => format!("{} ASC", self.expr(x, Some(Parent::Prec(3)))?),
        })
    }

    /// The operand of a unary operator; compound operands parenthesise
    /// themselves against its precedence (`NOT (a OR b)`, `NOT (EXISTS ...)`).
    fn group_for(&mut self, e: &Expr, prec: i32) -> OrmResult<String> {
        self.expr(e, Some(Parent::Prec(prec)))
    }

    fn render_from(&mut self, f: &FromItem) -> OrmResult<String> {
        Ok(match f {
            FromItem::Table(t) => self.q(t),
            FromItem::Alias(a) => {
                let name = self.alias_name(a);
                match &a.target {
                    AliasTarget::Table(t) => format!("{} AS {}", self.q(t), self.q(&name)),
                    AliasTarget::Select(s) => {
                        let inner = self.select(s, SelectMode::Subquery)?;
                        format!("({inner}) AS {}", self.q(&name))
                    }
                }
            }
            FromItem::Join {
                left,
                right,
                on,
                outer,
            } => {
                let l = self.render_from(left)?;
                let r = self.render_from(right)?;
                let on = self.expr(on, None)?;
                format!(
                    "{l} {}JOIN {r} ON {on}",
                    if *outer { "LEFT OUTER " } else { "" }
                )
            }
        })
    }

    fn display_froms(&self, s: &Select) -> Vec<FromItem> {
        let mut candidates: Vec<FromItem> = s.from.clone();
        candidates.extend(column_froms(&s.columns));
        let mut srcs = Vec::new();
        s.where_.iter().for_each(|w| expr_sources(w, &mut srcs));
        candidates.extend(srcs.iter().map(source_from));
        let mut hidden = Vec::new();
        for f in &s.from {
            if let FromItem::Join { .. } = f {
                join_members(f, &mut hidden);
            }
        }
        let mut out: Vec<FromItem> = Vec::new();
        let mut seen: Vec<FromKey> = Vec::new();
        for f in candidates {
            match from_key(&f) {
                Some(k) => {
                    if hidden.contains(&k) || seen.contains(&k) {
                        continue;
                    }
                    seen.push(k);
                    out.push(f);
                }
                None => out.push(f),
            }
        }
        // Auto-correlation: drop FROMs the enclosing SELECT provides,
        // unless nothing would be left.
        if let Some(outer) = self.enclosing.last() {
            let kept: Vec<FromItem> = out
                .iter()
                .filter(|f| from_key(f).map_or(true, |k| !outer.contains(&k)))
                .cloned()
                .collect();
            if !kept.is_empty() {
                return kept;
            }
        }
        out
    }

    fn column_entry(
        &mut self,
        c: &Expr,
        mode: SelectMode,
        style: LabelStyle,
        seen: &mut Vec<(String, Option<ColRef>)>,
    ) -> OrmResult<String> {
        let rendered = self.expr(c, Some(Parent::Prec(-1)))?;
        let label = match c {
            Expr::Label { name, .. } => Some(self.q(name)),
            Expr::Column(col) => match (mode, style) {
                (SelectMode::Top, LabelStyle::None) => None,
                (_, LabelStyle::TablenamePlusCol) => {
                    let base = self.source_label_base(&col.source);
                    Some(self.q(&format!("{}_{}", base, col.name)))
                }
                // A subquery names every column so the outer query can
                // refer to it: `address.user_id AS user_id`.
                (SelectMode::Subquery, _) => Some(self.q(&col.name)),
                _ => {
                    let same = seen.iter().any(|(_, r)| r.as_ref() == Some(col));
                    let name_taken = seen.iter().any(|(n, _)| n == &col.name);
                    seen.push((col.name.clone(), Some(col.clone())));
                    if same {
                        Some(self.anon_name(&col.name, "__"))
                    } else if name_taken {
                        Some(self.anon_name(&col.name, "_"))
                    } else {
                        None
                    }
                }
            },
            Expr::Func { name, .. } => Some(self.anon_name(name, "_")),
            // a CAST of a column is named after it
            Expr::Cast { expr, .. } => match (&**expr, style) {
                (Expr::Column(col), LabelStyle::TablenamePlusCol) => {
                    let base = self.source_label_base(&col.source);
                    Some(self.q(&format!("{}_{}", base, col.name)))
                }
                (Expr::Column(col), _) => {
                    let taken = seen.iter().any(|(n, _)| n == &col.name);
                    seen.push((col.name.clone(), None));
                    if taken {
                        Some(self.anon_name(&col.name, "_"))
                    } else {
                        Some(self.q(&col.name))
                    }
                }
                _ => Some(self.anon_name("anon", "_")),
            },
            // `*` and literal columns (`exists(1)` gives `SELECT 1`).
            Expr::Star | Expr::Raw(_) => None,
            _ => Some(self.anon_name("anon", "_")),
        };
        Ok(match label {
            Some(l) => format!("{rendered} AS {l}"),
            None => rendered,
        })
    }

    pub(super) fn select(&mut self, s: &Select, mode: SelectMode) -> OrmResult<String> {
        let froms = self.display_froms(s);
        let mut keys = Vec::new();
        for f in &froms {
            join_members(f, &mut keys);
        }
        let mut out = String::from("SELECT ");
        if s.distinct {
            out.push_str("DISTINCT ");
        }
        let mut seen = Vec::new();
        let mut cols = Vec::new();
        // scalar subqueries in the columns correlate too (not FROM subqueries)
        self.enclosing.push(keys.clone());
        let mut res = Ok(());
        for c in &s.columns {
            match self.column_entry(c, mode, s.label_style, &mut seen) {
                Ok(c) => cols.push(c),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
        self.enclosing.pop();
        res?;
        out.push_str(&cols.join(", "));
        let mut from_sql = Vec::new();
        for f in &froms {
            from_sql.push(self.render_from(f)?);
        }
        if !from_sql.is_empty() {
            out.push_str(" \nFROM ");
            out.push_str(&from_sql.join(", "));
        }
        // Nested selects in WHERE correlate against this one's FROMs.
        self.enclosing.push(keys);
        let res = self.select_tail(s, &mut out);
        self.enclosing.pop();
        res?;
        Ok(out)
    }

    fn select_tail(&mut self, s: &Select, out: &mut String) -> OrmResult<()> {
        if let Some(w) = s.where_clause() {
            out.push_str(" \nWHERE ");
            out.push_str(&self.boolean(&w, None)?);
        }
        if !s.group_by.is_empty() {
            let mut parts = Vec::new();
            for g in &s.group_by {
                parts.push(self.expr(g, Some(Parent::Prec(-1)))?);
            }
            out.push_str(" GROUP BY ");
            out.push_str(&parts.join(", "));
        }
        if !s.having.is_empty() {
            out.push_str(" \nHAVING ");
            let h = and_(s.having.clone());
            out.push_str(&self.boolean(&h, None)?);
        }
        if !s.order_by.is_empty() {
            let mut parts = Vec::new();
            for o in &s.order_by {
                parts.push(self.expr(o, Some(Parent::Prec(-1)))?);
            }
            out.push_str(" ORDER BY ");
            out.push_str(&parts.join(", "));
        }
        match self.dialect {
            // SQLite always renders both: LIMIT -1 without a limit, OFFSET
            // 0 without an offset.
            Dialect::Sqlite => {
                if let Some((limit, offset)) = s.limit_params() {
                    out.push_str("\n LIMIT ");
                    out.push_str(&self.bind(&limit, &SqlType::Integer)?);
                    out.push_str(" OFFSET ");
                    out.push_str(&self.bind(&offset, &SqlType::Integer)?);
                }
            }
            Dialect::Default => {
                if let Some(l) = s.limit {
                    out.push_str("\n LIMIT ");
                    out.push_str(&self.bind(&PyValue::Int(l), &SqlType::Integer)?);
                }
                if let Some(o) = s.offset {
                    if s.limit.is_none() {
                        out.push_str("\n LIMIT -1");
                    }
                    out.push_str(" OFFSET ");
                    out.push_str(&self.bind(&PyValue::Int(o), &SqlType::Integer)?);
                }
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum SelectMode {
    Top,
    Subquery,
    Nested,
}
