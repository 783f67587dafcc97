//! SELECT (simple and compound) -> `Query`, including access-path choice.
use super::scope::{Scope, ScopeCol};
use super::text::paren_balance;
use super::{object_name, Translator};
use crate::affinity::Affinity;
use crate::error::{Result, SqlError};
use crate::plan::{Access, Body, CmpOp, Expr, JoinKind, OrderTerm, Query, SetOp, SimpleSelect, Source, SourceKind};
use crate::value::Value;

use sqlparser::ast::{self, SetExpr};
use std::rc::Rc;

pub const MASTER_COLUMNS: [&str; 5] = ["type", "name", "tbl_name", "rootpage", "sql"];

/// The `n`th ordinal as SQLite words it in ORDER BY errors.
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// Split an expression on AND.
pub fn conjuncts(e: &Expr) -> Vec<&Expr> {
    match e {
        Expr::Binary(crate::plan::BinOp::And, l, r) => {
            let mut v = conjuncts(l);
            v.extend(conjuncts(r));
            v
        }
        other => vec![other],
    }
}

/// True when `e` reads only parameters, literals, outer rows and local slots
/// below `limit`: it can then be evaluated before the source at `limit` is read.
pub fn refs_below(e: &Expr, limit: usize) -> bool {
    let all = |v: &[Expr]| v.iter().all(|x| refs_below(x, limit));
    match e {
        Expr::Literal(_) | Expr::Param(_) => true,
        Expr::Column { depth, idx } => *depth > 0 || *idx < limit,
        Expr::Unary(_, x) | Expr::IsNull(x, _) | Expr::Cast(x, _) => refs_below(x, limit),
        Expr::Binary(_, l, r) | Expr::Is { l, r, .. } | Expr::Compare { l, r, .. } => refs_below(l, limit) && refs_below(r, limit),
        Expr::Func(_, a) => all(a),
        _ => false,
    }
}

fn order_options(o: &ast::OrderByExpr) -> (bool, bool) {
    let desc = matches!(o.options.sort, Some(ast::OrderBySort::Desc));
    let nulls_first = o.options.nulls_first.unwrap_or(!desc);
    (desc, nulls_first)
}

fn order_exprs(ob: Option<&ast::OrderBy>) -> Result<Vec<&ast::OrderByExpr>> {
    match ob {
        None => Ok(Vec::new()),
        Some(o) => match &o.kind {
            ast::OrderByKind::Expressions(v) if o.interpolate.is_none() => {
                if v.iter().any(|x| x.with_fill.is_some()) {
                    return Err(SqlError::unsupported("ORDER BY ... WITH FILL"));
                }
                Ok(v.iter().collect())
            }
            _ => Err(SqlError::unsupported("ORDER BY ALL")),
        },
    }
}

impl Translator<'_> {
    pub(super) fn query(&mut self, q: &ast::Query, outer: Option<&Scope>) -> Result<Rc<Query>> {
        if q.with.is_some() {
            return Err(SqlError::unsupported("WITH (common table expressions)"));
        }
        if q.fetch.is_some()
            || !q.locks.is_empty()
            || q.for_clause.is_some()
            || q.settings.is_some()
            || q.format_clause.is_some()
            || !q.pipe_operators.is_empty()
        {
            return Err(SqlError::unsupported("query clause"));
        }
        let id = self.next_id();
        let order = order_exprs(q.order_by.as_ref())?;
        let (body, columns, affinities, correlated, order_by) = match &*q.body {
            SetExpr::Select(s) => {
                let (sel, cols, affs, corr) = self.simple_select(s, &order, outer)?;
                (Body::Select(Box::new(sel)), cols, affs, corr, Vec::new())
            }
            SetExpr::Query(inner) if order.is_empty() && q.limit_clause.is_none() => return self.query(inner, outer),
            other => {
                let (body, cols, affs, corr) = self.body(other, outer)?;
                let mut terms = Vec::new();
                for (n, o) in order.iter().enumerate() {
                    let k = self.output_position(&o.expr, &cols, None)?.ok_or_else(|| {
                        SqlError::op(format!(
                            "{} ORDER BY term does not match any column in the result set",
                            ordinal(n + 1)
                        ))
                    })?;
                    let (desc, nulls_first) = order_options(o);
                    terms.push(OrderTerm {
                        expr: Expr::Column { depth: 0, idx: k },
                        desc,
                        nulls_first,
                    });
                }
                (body, cols, affs, corr, terms)
            }
        };
        let (mut limit, mut offset) = (None, None);
        let lim_scope = Scope::new(outer);
        match &q.limit_clause {
            None => {}
            Some(ast::LimitClause::LimitOffset {
                limit: l,
                offset: o,
                limit_by,
            }) => {
                if !limit_by.is_empty() {
                    return Err(SqlError::unsupported("LIMIT BY"));
                }
                if let Some(l) = l {
                    limit = Some(self.expr(l, &lim_scope)?);
                }
                if let Some(o) = o {
                    offset = Some(self.expr(&o.value, &lim_scope)?);
                }
            }
            Some(ast::LimitClause::OffsetCommaLimit { offset: o, limit: l }) => {
                limit = Some(self.expr(l, &lim_scope)?);
                offset = Some(self.expr(o, &lim_scope)?);
            }
        }
        let correlated = correlated || lim_scope.outer_ref.get();
        Ok(Rc::new(Query {
            body,
            order_by,
            limit,
            offset,
            columns,
            affinities,
            correlated,
            id,
        }))
    }

    /// Position (0-based) of an ORDER BY term naming an output column by number or name.
    fn output_position(&mut self, e: &ast::Expr, cols: &[String], aliases: Option<&[Option<String>]>) -> Result<Option<usize>> {
        // A signed integer constant (`ORDER BY -1`) is a position too.
        let (e, sign) = match e {
            ast::Expr::UnaryOp {
                op: ast::UnaryOperator::Minus,
                expr,
            } if matches!(**expr, ast::Expr::Value(_)) => (&**expr, -1),
            ast::Expr::UnaryOp {
                op: ast::UnaryOperator::Plus,
                expr,
            } if matches!(**expr, ast::Expr::Value(_)) => (&**expr, 1),
            other => (other, 1),
        };
        match e {
            ast::Expr::Value(v) => {
                if let ast::Value::Number(s, _) = &v.value {
                    if let Ok(k) = s.parse::<i64>().map(|k| k * sign) {
                        if k < 1 || k as usize > cols.len() {
                            return Err(SqlError::op(format!(
                                "1st ORDER BY term out of range - should be between 1 and {}",
                                cols.len()
                            )));
                        }
                        return Ok(Some(k as usize - 1));
                    }
                }
                Ok(None)
            }
            ast::Expr::Identifier(i) => {
                let names: Vec<Option<&str>> = match aliases {
                    Some(a) => a.iter().map(|x| x.as_deref()).collect(),
                    None => cols.iter().map(|c| Some(c.as_str())).collect(),
                };
                Ok(names.iter().position(|n| n.is_some_and(|n| n.eq_ignore_ascii_case(&i.value))))
            }
            ast::Expr::CompoundIdentifier(parts) if aliases.is_none() => {
                let last = parts.last().map(|p| p.value.as_str()).unwrap_or("");
                Ok(cols.iter().position(|c| c.eq_ignore_ascii_case(last)))
            }
            _ => Ok(None),
        }
    }

    fn body(&mut self, se: &SetExpr, outer: Option<&Scope>) -> Result<(Body, Vec<String>, Vec<Affinity>, bool)> {
        match se {
            SetExpr::Select(s) => {
                let (sel, cols, affs, corr) = self.simple_select(s, &[], outer)?;
                Ok((Body::Select(Box::new(sel)), cols, affs, corr))
            }
            SetExpr::Values(v) => {
                let sc = Scope::new(outer);
                let mut rows = Vec::new();
                for r in &v.rows {
                    rows.push(r.content.iter().map(|e| self.expr(e, &sc)).collect::<Result<Vec<_>>>()?);
                }
                let n = rows.first().map(|r| r.len()).unwrap_or(0);
                if rows.iter().any(|r| r.len() != n) {
                    return Err(SqlError::op("all VALUES must have the same number of terms"));
                }
                let cols = (1..=n).map(|i| format!("column{i}")).collect();
                Ok((Body::Values(rows), cols, vec![Affinity::None; n], sc.outer_ref.get()))
            }
            SetExpr::SetOperation {
                left,
                op,
                set_quantifier,
                right,
            } => {
                let sop = match (op, set_quantifier) {
                    (ast::SetOperator::Union, ast::SetQuantifier::All) => SetOp::UnionAll,
                    (ast::SetOperator::Union, ast::SetQuantifier::None | ast::SetQuantifier::Distinct) => SetOp::Union,
                    (ast::SetOperator::Intersect, ast::SetQuantifier::None) => SetOp::Intersect,
                    (ast::SetOperator::Except, ast::SetQuantifier::None) => SetOp::Except,
                    _ => return Err(SqlError::unsupported("this compound operator (INTERSECT ALL, EXCEPT ALL, ...)")),
                };
                let (l, cols, affs, lc) = self.body(left, outer)?;
                let (r, rcols, _, rc) = self.body(right, outer)?;
                if cols.len() != rcols.len() {
                    let word = match sop {
                        SetOp::Union => "UNION",
                        SetOp::UnionAll => "UNION ALL",
                        SetOp::Intersect => "INTERSECT",
                        SetOp::Except => "EXCEPT",
                    };
                    return Err(SqlError::op(format!(
                        "SELECTs to the left and right of {word} do not have the same number of result columns"
                    )));
                }
                Ok((Body::Compound(sop, Box::new(l), Box::new(r)), cols, affs, lc || rc))
            }
            SetExpr::Query(q) => {
                if q.order_by.is_some() || q.limit_clause.is_some() {
                    return Err(SqlError::unsupported("ORDER BY/LIMIT inside a compound member"));
                }
                self.body(&q.body, outer)
            }
            other => Err(SqlError::unsupported(self.quote(other, "query body"))),
        }
    }

    fn simple_select(
        &mut self,
        s: &ast::Select,
        order: &[&ast::OrderByExpr],
        outer: Option<&Scope>,
    ) -> Result<(SimpleSelect, Vec<String>, Vec<Affinity>, bool)> {
        if s.top.is_some()
            || s.into.is_some()
            || !s.lateral_views.is_empty()
            || s.prewhere.is_some()
            || !s.connect_by.is_empty()
            || !s.cluster_by.is_empty()
            || !s.distribute_by.is_empty()
            || !s.sort_by.is_empty()
            || !s.named_window.is_empty()
            || s.qualify.is_some()
            || s.value_table_mode.is_some()
            || s.exclude.is_some()
        {
            return Err(SqlError::unsupported("SELECT clause"));
        }
        let distinct = match &s.distinct {
            None | Some(ast::Distinct::All) => false,
            Some(ast::Distinct::Distinct) => true,
            Some(ast::Distinct::On(_)) => return Err(SqlError::unsupported("DISTINCT ON")),
        };
        // FROM: register every source first, then translate ON clauses against them all.
        let mut sc = Scope::new(outer);
        let mut sources: Vec<Source> = Vec::new();
        let mut ons: Vec<Option<&ast::Expr>> = Vec::new();
        for twj in &s.from {
            let items = std::iter::once((&twj.relation, None)).chain(twj.joins.iter().map(|j| (&j.relation, Some(&j.join_operator))));
            for (factor, op) in items {
                let (join, on) = match op {
                    None => (JoinKind::Inner, None),
                    Some(op) => {
                        use ast::JoinOperator as J;
                        let (kind, c) = match op {
                            J::Join(c) | J::Inner(c) => (JoinKind::Inner, c),
                            J::Left(c) | J::LeftOuter(c) => (JoinKind::Left, c),
                            J::CrossJoin(c) => (JoinKind::Inner, c),
                            // Named here, not with `{:?}`: the Debug of a join drags in
                            // the Debug impl of every SQL AST type (~45 KB of wasm).
                            J::Right(_) | J::RightOuter(_) => return Err(SqlError::unsupported("RIGHT JOIN")),
                            J::FullOuter(_) => return Err(SqlError::unsupported("FULL JOIN")),
                            _ => return Err(SqlError::unsupported("this kind of JOIN")),
                        };
                        match c {
                            ast::JoinConstraint::On(e) => (kind, Some(e)),
                            ast::JoinConstraint::None => (kind, None),
                            _ => return Err(SqlError::unsupported("JOIN ... USING / NATURAL JOIN")),
                        }
                    }
                };
                let (kind, alias, cols) = self.source_factor(factor, outer)?;
                let width = cols.len();
                sc.add_table(&alias, cols);
                sources.push(Source {
                    kind,
                    join,
                    on: None,
                    width,
                });
                ons.push(on);
            }
        }
        for (i, on) in ons.iter().enumerate() {
            if let Some(e) = on {
                sources[i].on = Some(self.expr(e, &sc)?);
            }
        }
        let filter = match &s.selection {
            Some(e) => Some(self.expr(e, &sc)?),
            None => None,
        };
        *sc.aggs.borrow_mut() = Some(Vec::new());
        let texts = self.item_texts(&s.select_token.0);
        let mut projection = Vec::new();
        let mut columns = Vec::new();
        let mut aliases = Vec::new();
        let mut affinities = Vec::new();
        for item in &s.projection {
            match item {
                ast::SelectItem::Wildcard(_) | ast::SelectItem::QualifiedWildcard(..) => {
                    let qual = match item {
                        ast::SelectItem::QualifiedWildcard(ast::SelectItemQualifiedWildcardKind::ObjectName(n), _) => Some(object_name(n)?),
                        ast::SelectItem::QualifiedWildcard(..) => return Err(SqlError::unsupported("wildcard on expression")),
                        _ => None,
                    };
                    let mut any = false;
                    for t in &sc.tables {
                        if qual.as_ref().is_some_and(|q| !q.eq_ignore_ascii_case(&t.alias)) {
                            continue;
                        }
                        any = true;
                        for (k, c) in t.cols.iter().enumerate() {
                            if !c.hidden {
                                projection.push(Expr::Column {
                                    depth: 0,
                                    idx: t.offset + k,
                                });
                                columns.push(c.name.clone());
                                aliases.push(None);
                                affinities.push(c.affinity);
                            }
                        }
                    }
                    if !any {
                        return Err(SqlError::op(match qual {
                            Some(q) => format!("no such table: {q}"),
                            None => "no tables specified".into(),
                        }));
                    }
                }
                ast::SelectItem::UnnamedExpr(e) => {
                    let x = self.expr(e, &sc)?;
                    affinities.push(self.affinity(&x, &sc));
                    projection.push(x);
                    // SQLite names a column reference after the column, anything else
                    // after its text as written.
                    columns.push(match projection.last() {
                        Some(Expr::Column { depth: 0, idx }) if *idx < sc.width => sc.col_name(*idx).unwrap_or_default(),
                        _ => texts.get(columns.len()).cloned().unwrap_or_else(|| self.source_text(e)),
                    });
                    aliases.push(None);
                }
                ast::SelectItem::ExprWithAlias { expr, alias } => {
                    let x = self.expr(expr, &sc)?;
                    affinities.push(self.affinity(&x, &sc));
                    projection.push(x);
                    columns.push(alias.value.clone());
                    aliases.push(Some(alias.value.clone()));
                }
                other => return Err(SqlError::unsupported(self.quote(other, "select item"))),
            }
        }
        *sc.aliases.borrow_mut() = aliases
            .iter()
            .enumerate()
            .filter_map(|(k, a)| a.as_ref().map(|a| (a.clone(), projection[k].clone(), affinities[k])))
            .collect();
        let group_by = match &s.group_by {
            ast::GroupByExpr::Expressions(v, m) if m.is_empty() => {
                let mut out = Vec::new();
                for e in v {
                    out.push(match e {
                        ast::Expr::Value(val) if matches!(val.value, ast::Value::Number(..)) => match self.literal(val)? {
                            Expr::Literal(Value::Integer(k)) if k >= 1 && (k as usize) <= projection.len() => {
                                projection[k as usize - 1].clone()
                            }
                            Expr::Literal(Value::Integer(_)) => {
                                return Err(SqlError::op(format!(
                                    "1st GROUP BY term out of range - should be between 1 and {}",
                                    projection.len()
                                )))
                            }
                            other => other,
                        },
                        e => self.expr(e, &sc)?,
                    });
                }
                out
            }
            _ => return Err(SqlError::unsupported("GROUP BY ALL / modifiers")),
        };
        let having = match &s.having {
            Some(h) => Some(self.expr(h, &sc)?),
            None => None,
        };
        let mut order_by = Vec::new();
        for o in order {
            let expr = match self.output_position(&o.expr, &columns, Some(&aliases))? {
                Some(k) => projection[k].clone(),
                None => match &o.expr {
                    ast::Expr::Value(v) if matches!(v.value, ast::Value::Number(..)) => self.literal(v)?,
                    e => self.expr(e, &sc)?,
                },
            };
            let (desc, nulls_first) = order_options(o);
            order_by.push(OrderTerm { expr, desc, nulls_first });
        }
        let aggs = sc.aggs.borrow_mut().take().unwrap_or_default();
        let aggregate = !group_by.is_empty() || !aggs.is_empty();
        if having.is_some() && !aggregate {
            return Err(SqlError::op("HAVING clause on a non-aggregate query"));
        }
        let filter = self.choose_access(&mut sources, filter);
        let correlated = sc.outer_ref.get();
        let sel = SimpleSelect {
            sources,
            filter,
            aggregate,
            group_by,
            aggs,
            having,
            projection,
            distinct,
            width: sc.width,
            order_by,
        };
        Ok((sel, columns, affinities, correlated))
    }

    /// The text of each projection item after a SELECT keyword: its tokens up to
    /// the next comma at the same depth (or the end of the list).
    fn item_texts(&self, select: &sqlparser::tokenizer::TokenWithSpan) -> Vec<String> {
        use sqlparser::keywords::Keyword as K;
        use sqlparser::tokenizer::Token;
        let Some(mut i) = self.tokens.iter().position(|t| t.span == select.span) else {
            return Vec::new();
        };
        i += 1;
        let mut out = Vec::new();
        let mut depth = 0i32;
        let (mut first, mut last): (Option<usize>, Option<usize>) = (None, None);
        let flush = |first: &mut Option<usize>, last: &mut Option<usize>, out: &mut Vec<String>| {
            let text = match (*first, *last) {
                (Some(a), Some(b)) => self.tokens_text(&self.tokens[a], &self.tokens[b]),
                _ => String::new(),
            };
            out.push(text);
            *first = None;
            *last = None;
        };
        while let Some(t) = self.tokens.get(i) {
            match &t.token {
                Token::Whitespace(_) => {}
                Token::Word(w) if depth == 0 && first.is_none() && matches!(w.keyword, K::DISTINCT | K::ALL) => {}
                Token::Word(w)
                    if depth == 0
                        && matches!(
                            w.keyword,
                            K::FROM
                                | K::WHERE
                                | K::GROUP
                                | K::HAVING
                                | K::ORDER
                                | K::LIMIT
                                | K::UNION
                                | K::INTERSECT
                                | K::EXCEPT
                                | K::WINDOW
                        ) =>
                {
                    break
                }
                Token::SemiColon | Token::EOF => break,
                Token::Comma if depth == 0 => flush(&mut first, &mut last, &mut out),
                tok => {
                    match tok {
                        Token::LParen => depth += 1,
                        Token::RParen => depth -= 1,
                        _ => {}
                    }
                    if depth < 0 {
                        break;
                    }
                    first.get_or_insert(i);
                    last = Some(i);
                }
            }
            i += 1;
        }
        flush(&mut first, &mut last, &mut out);
        out
    }

    /// Column name SQLite gives an unaliased expression: its text as written.
    pub(super) fn source_text(&self, e: &ast::Expr) -> String {
        use sqlparser::ast::Spanned;
        let Some((mut a, mut b)) = self.range_of(e.span()) else {
            return String::new();
        };
        let next_char = |b: usize| {
            self.sql
                .get(b..)
                .and_then(|r| r.find(|c: char| !c.is_whitespace()).map(|k| (b + k, r.as_bytes()[k])))
        };
        // `count(*)`'s span covers only the name: take the argument list.
        if matches!(e, ast::Expr::Function(_)) {
            if let Some((k, b'(')) = next_char(b) {
                let mut depth = 0;
                for (i, c) in self.sql[k..].char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                b = k + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // A scalar subquery's span omits its parentheses.
        if matches!(e, ast::Expr::Subquery(_) | ast::Expr::Exists { .. }) {
            if let Some(p) = self.sql.get(..a).and_then(|s| s.rfind('(')) {
                if self.sql[p + 1..a].trim().is_empty() {
                    a = p;
                }
            }
        }
        // Spans of calls stop before the closing parenthesis: take the missing ones.
        let b = self.close_parens(a, b);
        match self.sql.get(a..b) {
            Some(s) if a < b && paren_balance(s) == 0 => s.trim().to_string(),
            _ => String::new(),
        }
    }

    fn source_factor(&mut self, f: &ast::TableFactor, outer: Option<&Scope>) -> Result<(SourceKind, String, Vec<ScopeCol>)> {
        match f {
            ast::TableFactor::Table {
                name,
                alias,
                args: None,
                with_hints,
                version: None,
                partitions,
                sample: None,
                index_directives,
                ..
            } if with_hints.is_empty() && partitions.is_empty() && index_directives.is_empty() => {
                let tname = object_name(name)?;
                let alias_name = alias.as_ref().map(|a| a.name.value.clone()).unwrap_or_else(|| tname.clone());
                if alias.as_ref().is_some_and(|a| !a.columns.is_empty()) {
                    return Err(SqlError::unsupported("column aliases on a table"));
                }
                let lname = tname.to_ascii_lowercase();
                if lname == "sqlite_master" || lname == "sqlite_schema" {
                    let cols = MASTER_COLUMNS
                        .iter()
                        .map(|c| ScopeCol {
                            name: c.to_string(),
                            affinity: if *c == "rootpage" { Affinity::Integer } else { Affinity::Text },
                            hidden: false,
                        })
                        .collect();
                    return Ok((SourceKind::Master, alias_name, cols));
                }
                let table = self
                    .tables
                    .get(&lname)
                    .ok_or_else(|| SqlError::op(format!("no such table: {tname}")))?;
                let mut cols: Vec<ScopeCol> = table
                    .schema
                    .columns
                    .iter()
                    .map(|c| ScopeCol {
                        name: c.name.clone(),
                        affinity: c.affinity,
                        hidden: false,
                    })
                    .collect();
                cols.push(ScopeCol {
                    name: table
                        .schema
                        .rowid_alias
                        .map(|c| table.schema.columns[c].name.clone())
                        .unwrap_or_else(|| "rowid".into()),
                    affinity: Affinity::Integer,
                    hidden: true,
                });
                Ok((
                    SourceKind::Table {
                        name: lname,
                        access: Access::Scan,
                    },
                    alias_name,
                    cols,
                ))
            }
            ast::TableFactor::Derived {
                lateral: false,
                subquery,
                alias,
                sample: None,
            } => {
                let q = self.query(subquery, outer)?;
                if alias.as_ref().is_some_and(|a| !a.columns.is_empty()) {
                    return Err(SqlError::unsupported("column aliases on a subquery"));
                }
                let alias_name = alias.as_ref().map(|a| a.name.value.clone()).unwrap_or_default();
                let cols = q
                    .columns
                    .iter()
                    .zip(&q.affinities)
                    .map(|(c, a)| ScopeCol {
                        name: c.clone(),
                        affinity: *a,
                        hidden: false,
                    })
                    .collect();
                Ok((SourceKind::Subquery(q), alias_name, cols))
            }
            other => Err(SqlError::unsupported(self.quote(other, "FROM item"))),
        }
    }

    /// Pick an index or rowid lookup for each base table from `col = expr` and
    /// `col IN (...)` conjuncts whose other side is known before that table is read.
    /// A lookup returns exactly the rows its conjunct accepts, so that conjunct
    /// leaves the ON/WHERE filter; the reduced WHERE filter is returned.
    pub(super) fn choose_access(&self, sources: &mut [Source], filter: Option<Expr>) -> Option<Expr> {
        let mut offset = 0;
        let where_conj: Vec<Expr> = filter
            .as_ref()
            .map(|f| conjuncts(f).into_iter().cloned().collect())
            .unwrap_or_default();
        let mut where_used = vec![false; where_conj.len()];
        for src in sources.iter_mut() {
            let width = src.width;
            let mut on_conj: Vec<Expr> = src
                .on
                .take()
                .map(|o| conjuncts(&o).into_iter().cloned().collect())
                .unwrap_or_default();
            let chosen = {
                // (expression, from ON?, position)
                let mut cands: Vec<(&Expr, bool, usize)> = on_conj.iter().enumerate().map(|(i, e)| (e, true, i)).collect();
                if src.join == JoinKind::Inner {
                    cands.extend(
                        where_conj
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| !where_used[*i])
                            .map(|(i, e)| (e, false, i)),
                    );
                }
                let exprs: Vec<&Expr> = cands.iter().map(|c| c.0).collect();
                match &src.kind {
                    SourceKind::Table { name, .. } => self
                        .tables
                        .get(name)
                        .and_then(|t| pick_access(t, &exprs, offset, width))
                        .map(|(a, k)| (a, cands[k].1, cands[k].2)),
                    _ => None,
                }
            };
            if let Some((a, from_on, pos)) = chosen {
                if let SourceKind::Table { access, .. } = &mut src.kind {
                    *access = a;
                    if from_on {
                        on_conj.remove(pos);
                    } else {
                        where_used[pos] = true;
                    }
                }
            }
            src.on = and_all(on_conj);
            offset += width;
        }
        and_all(
            where_conj
                .into_iter()
                .zip(where_used)
                .filter(|(_, used)| !used)
                .map(|(e, _)| e)
                .collect(),
        )
    }
}

fn and_all(v: Vec<Expr>) -> Option<Expr> {
    v.into_iter()
        .reduce(|a, b| Expr::Binary(crate::plan::BinOp::And, Box::new(a), Box::new(b)))
}

/// The access path for one table and the position of the conjunct it implements.
fn pick_access(t: &crate::storage::Table, cands: &[&Expr], offset: usize, width: usize) -> Option<(Access, usize)> {
    let local = |e: &Expr| match e {
        Expr::Column { depth: 0, idx } if *idx >= offset && *idx < offset + width => Some(*idx - offset),
        _ => None,
    };
    let rowid_slot = width - 1;
    let mut best: Option<(Access, usize)> = None;
    for (pos, c) in cands.iter().enumerate() {
        let (col, keys, aff) = match c {
            Expr::Compare { op: CmpOp::Eq, l, r, aff } => {
                if let (Some(col), true) = (local(l), refs_below(r, offset)) {
                    (col, vec![(**r).clone()], *aff)
                } else if let (Some(col), true) = (local(r), refs_below(l, offset)) {
                    (col, vec![(**l).clone()], *aff)
                } else {
                    continue;
                }
            }
            Expr::InList {
                expr,
                list,
                negated: false,
                aff,
            } => match local(expr) {
                Some(col) if list.iter().all(|x| refs_below(x, offset)) => (col, list.clone(), *aff),
                _ => continue,
            },
            _ => continue,
        };
        let is_rowid = col == rowid_slot || t.schema.rowid_alias == Some(col);
        let col_aff = if col == rowid_slot {
            Affinity::Integer
        } else {
            t.schema.columns[col].affinity
        };
        // The lookup compares stored values unchanged, so the comparison affinity
        // must leave this column's stored values as they are.
        let unchanged = matches!(aff, Affinity::None | Affinity::Blob)
            || (aff == Affinity::Text && col_aff == Affinity::Text)
            || (aff.is_numeric() && col_aff.is_numeric());
        if !unchanged {
            continue;
        }
        if is_rowid {
            return Some((Access::Rowid { keys, aff }, pos));
        }
        // A lookup on an index's leading column is exact for the conjunct too.
        if best.is_none() && t.index_on(col).is_some() {
            best = Some((Access::Index { col, keys, aff }, pos));
        }
    }
    best
}
