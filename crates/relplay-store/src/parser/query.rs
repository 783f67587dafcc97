//! Queries: SELECT, compounds, VALUES, FROM with joins, ORDER BY, LIMIT.
use super::Parser;
use crate::error::{Result, SqlError};
use sqlparser::ast::{
    Distinct, Expr, GroupByExpr, Ident, Join, JoinConstraint, JoinOperator, LimitClause, ObjectName, Offset, OffsetRows, OrderBy,
    OrderByExpr, OrderByKind, OrderByOptions, OrderBySort, Parens, Query, Select, SelectFlavor, SelectItem,
    SelectItemQualifiedWildcardKind, SetExpr, SetOperator, SetQuantifier, TableAlias, TableFactor, TableWithJoins, Values,
    WildcardAdditionalOptions,
};
use sqlparser::keywords::{Keyword as K, RESERVED_FOR_TABLE_ALIAS};
use sqlparser::tokenizer::{Token, TokenWithSpan};

/// SQLiteDialect::is_column_alias: the words that end a select item instead.
pub(super) fn is_column_alias(kw: K) -> bool {
    !matches!(
        kw,
        K::SELECT
            | K::WHERE
            | K::GROUP
            | K::HAVING
            | K::ORDER
            | K::LIMIT
            | K::UNION
            | K::EXCEPT
            | K::INTERSECT
            | K::RETURNING
            | K::VALUES
            | K::FROM
            | K::INTO
    )
}

pub(super) fn query_of(body: SetExpr) -> Query {
    Query {
        with: None,
        body: Box::new(body),
        order_by: None,
        limit_clause: None,
        fetch: None,
        locks: Vec::new(),
        for_clause: None,
        settings: None,
        format_clause: None,
        pipe_operators: Vec::new(),
    }
}

impl Parser<'_> {
    pub(super) fn query(&mut self) -> Result<Box<Query>> {
        self.nested(|p| {
            if p.peek_keyword(K::WITH) {
                // The translator has no CTEs: say so before parsing them.
                return Err(SqlError::unsupported("WITH (common table expressions)"));
            }
            let body = p.query_body(0)?;
            let mut q = query_of(*body);
            q.order_by = p.order_by()?;
            q.limit_clause = p.limit_clause()?;
            if p.peek_keyword(K::FETCH) || p.peek_keyword(K::FOR) || p.peek_keyword(K::SETTINGS) {
                return Err(SqlError::unsupported("query clause"));
            }
            Ok(Box::new(q))
        })
    }

    fn query_body(&mut self, precedence: u8) -> Result<Box<SetExpr>> {
        let mut expr = if self.peek_keyword(K::SELECT) {
            SetExpr::Select(Box::new(self.select()?))
        } else if self.consume(&Token::LParen) {
            let q = self.query()?;
            self.expect(&Token::RParen)?;
            SetExpr::Query(q)
        } else if self.keyword(K::VALUES) {
            SetExpr::Values(self.values(false)?)
        } else {
            return self.expected();
        };
        while let Some(op) = self.set_operator() {
            // sqlparser binds INTERSECT tighter than UNION and EXCEPT.
            let next = if op == SetOperator::Intersect { 20 } else { 10 };
            if precedence >= next {
                break;
            }
            self.next();
            let set_quantifier = if self.keywords(&[K::DISTINCT, K::BY, K::NAME]) {
                SetQuantifier::DistinctByName
            } else if self.keywords(&[K::BY, K::NAME]) {
                SetQuantifier::ByName
            } else if self.keyword(K::ALL) {
                if self.keywords(&[K::BY, K::NAME]) {
                    SetQuantifier::AllByName
                } else {
                    SetQuantifier::All
                }
            } else if self.keyword(K::DISTINCT) {
                SetQuantifier::Distinct
            } else {
                SetQuantifier::None
            };
            expr = SetExpr::SetOperation {
                left: Box::new(expr),
                op,
                set_quantifier,
                right: self.query_body(next)?,
            };
        }
        Ok(Box::new(expr))
    }

    fn set_operator(&self) -> Option<SetOperator> {
        match &self.peek().token {
            Token::Word(w) => match w.keyword {
                K::UNION => Some(SetOperator::Union),
                K::EXCEPT => Some(SetOperator::Except),
                K::INTERSECT => Some(SetOperator::Intersect),
                K::MINUS => Some(SetOperator::Minus),
                _ => None,
            },
            _ => None,
        }
    }

    /// `VALUES` rows, the keyword read.
    pub(super) fn values(&mut self, allow_empty: bool) -> Result<Values> {
        let mut explicit_row = false;
        let rows = self.comma_separated(|p| {
            if p.keyword(K::ROW) {
                explicit_row = true;
            }
            let open = p.expect(&Token::LParen)?.clone();
            let content = if allow_empty && *p.peek_token() == Token::RParen {
                Vec::new()
            } else {
                p.comma_separated(Self::expr)?
            };
            let close = p.expect(&Token::RParen)?.clone();
            Ok(Parens {
                opening_token: open.into(),
                content,
                closing_token: close.into(),
            })
        })?;
        Ok(Values {
            explicit_row,
            value_keyword: false,
            rows,
        })
    }

    fn select(&mut self) -> Result<Select> {
        let select_token = self.expect_keyword(K::SELECT)?.clone();
        let distinct = match self.one_of_keywords(&[K::ALL, K::DISTINCT]) {
            Some(K::ALL) if self.peek_keyword(K::DISTINCT) => return self.expected(),
            Some(K::ALL) => Some(Distinct::All),
            Some(_) if self.peek_keyword(K::ALL) => return self.expected(),
            Some(_) if self.peek_keyword(K::ON) => return Err(SqlError::unsupported("DISTINCT ON")),
            Some(_) => Some(Distinct::Distinct),
            None => None,
        };
        if self.peek_keyword(K::TOP) {
            return Err(SqlError::unsupported("SELECT clause"));
        }
        let projection = self.comma_separated(Self::select_item)?;
        if self.peek_keyword(K::INTO) {
            return Err(SqlError::unsupported("SELECT clause"));
        }
        let from = if self.keyword(K::FROM) {
            self.table_with_joins()?
        } else {
            Vec::new()
        };
        if self.peek_keyword(K::LATERAL) && self.peek_nth_keyword(1, K::VIEW) {
            return Err(SqlError::unsupported("SELECT clause"));
        }
        let selection = if self.keyword(K::WHERE) { Some(self.expr()?) } else { None };
        let group_by = if self.keywords(&[K::GROUP, K::BY]) {
            if self.peek_keyword(K::ALL) || self.peek_keywords2(K::GROUPING, K::SETS) {
                return Err(SqlError::unsupported("GROUP BY ALL / modifiers"));
            }
            let exprs = self.comma_separated(Self::group_by_expr)?;
            if self.peek_keywords2(K::GROUPING, K::SETS) {
                return Err(SqlError::unsupported("GROUP BY ALL / modifiers"));
            }
            GroupByExpr::Expressions(exprs, Vec::new())
        } else {
            GroupByExpr::Expressions(Vec::new(), Vec::new())
        };
        for clause in [[K::CLUSTER, K::BY], [K::DISTRIBUTE, K::BY], [K::SORT, K::BY]] {
            if self.peek_keywords2(clause[0], clause[1]) {
                return Err(SqlError::unsupported("SELECT clause"));
            }
        }
        let having = if self.keyword(K::HAVING) { Some(self.expr()?) } else { None };
        if self.peek_keyword(K::WINDOW) || self.peek_keyword(K::QUALIFY) {
            return Err(SqlError::unsupported("SELECT clause"));
        }
        Ok(Select {
            select_token: select_token.into(),
            optimizer_hints: Vec::new(),
            distinct,
            select_modifiers: None,
            top: None,
            top_before_distinct: false,
            projection,
            exclude: None,
            into: None,
            from,
            lateral_views: Vec::new(),
            prewhere: None,
            selection,
            group_by,
            cluster_by: Vec::new(),
            distribute_by: Vec::new(),
            sort_by: Vec::new(),
            having,
            named_window: Vec::new(),
            window_before_qualify: false,
            qualify: None,
            value_table_mode: None,
            connect_by: Vec::new(),
            flavor: SelectFlavor::Standard,
        })
    }

    pub(super) fn peek_keywords2(&self, a: K, b: K) -> bool {
        self.peek_keyword(a) && self.peek_nth_keyword(1, b)
    }

    /// sqlparser's `parse_group_by_expr` for plain expressions.
    fn group_by_expr(&mut self) -> Result<Expr> {
        let rollup = (self.peek_keyword(K::ROLLUP) || self.peek_keyword(K::CUBE)) && self.peek_nth(1).token == Token::LParen;
        if rollup || self.peek_keywords2(K::GROUPING, K::SETS) {
            return Err(SqlError::unsupported("GROUP BY ALL / modifiers"));
        }
        if *self.peek_token() == Token::LParen && self.peek_nth(1).token == Token::RParen {
            return Err(SqlError::unsupported("GROUP BY ()"));
        }
        self.expr()
    }

    pub(super) fn select_item(&mut self) -> Result<SelectItem> {
        match self.wildcard_expr()? {
            Expr::QualifiedWildcard(name, token) => Ok(SelectItem::QualifiedWildcard(
                SelectItemQualifiedWildcardKind::ObjectName(name),
                wildcard_options(token.0),
            )),
            Expr::Wildcard(token) => Ok(SelectItem::Wildcard(wildcard_options(token.0))),
            Expr::Identifier(v) if v.quote_style.is_none() && v.value.eq_ignore_ascii_case("from") => self.expected(),
            expr => Ok(match self.column_alias()? {
                Some(alias) => SelectItem::ExprWithAlias { expr, alias },
                None => SelectItem::UnnamedExpr(expr),
            }),
        }
    }

    fn column_alias(&mut self) -> Result<Option<Ident>> {
        self.alias(|_, kw| is_column_alias(kw))
    }

    /// `[AS] name`, a bare word only where `valid` allows it (sqlparser's
    /// `parse_optional_alias_inner`).
    fn alias(&mut self, valid: impl Fn(&Self, K) -> bool) -> Result<Option<Ident>> {
        let after_as = self.keyword(K::AS);
        let t = self.peek();
        match &t.token {
            Token::Word(w) if after_as || valid(self, w.keyword) => {
                self.next();
                Ok(Some(w.clone().into_ident(t.span)))
            }
            Token::SingleQuotedString(s) => {
                self.next();
                Ok(Some(Ident::with_quote('\'', s)))
            }
            Token::DoubleQuotedString(s) => {
                self.next();
                Ok(Some(Ident::with_quote('"', s)))
            }
            _ if after_as => self.expected(),
            _ => Ok(None),
        }
    }

    pub(super) fn table_alias(&mut self) -> Result<Option<TableAlias>> {
        let explicit = self.peek_keyword(K::AS);
        // SQLiteDialect::is_table_alias: `INDEXED BY` / `NOT INDEXED` follow a table.
        let name = self.alias(|p, kw| match kw {
            K::INDEXED => false,
            K::NOT => !p.peek_nth_keyword(1, K::INDEXED),
            _ => !RESERVED_FOR_TABLE_ALIAS.contains(&kw),
        })?;
        let Some(name) = name else { return Ok(None) };
        if *self.peek_token() == Token::LParen {
            return Err(SqlError::unsupported("column aliases on a table"));
        }
        Ok(Some(TableAlias {
            explicit,
            name,
            columns: Vec::new(),
            at: None,
        }))
    }

    /// FROM's comma-separated items; `a, b ON x` joins them (SQLiteDialect).
    fn table_with_joins(&mut self) -> Result<Vec<TableWithJoins>> {
        let mut tables: Vec<TableWithJoins> = Vec::new();
        loop {
            let table = self.table_and_joins()?;
            match tables.last_mut() {
                Some(prev) if table.joins.is_empty() && (self.peek_keyword(K::ON) || self.peek_keyword(K::USING)) => {
                    let constraint = self.join_constraint()?;
                    prev.joins.push(Join {
                        relation: table.relation,
                        global: false,
                        join_operator: JoinOperator::Join(constraint),
                    });
                    let more = self.joins()?;
                    prev.joins.extend(more);
                }
                _ => tables.push(table),
            }
            if !self.consume(&Token::Comma) {
                return Ok(tables);
            }
        }
    }

    pub(super) fn table_and_joins(&mut self) -> Result<TableWithJoins> {
        let relation = self.table_factor()?;
        let joins = self.joins()?;
        Ok(TableWithJoins { relation, joins })
    }

    fn joins(&mut self) -> Result<Vec<Join>> {
        let mut joins = Vec::new();
        loop {
            if self.peek_keyword(K::GLOBAL) || self.peek_keyword(K::OUTER) || self.peek_keyword(K::ASOF) {
                return Err(SqlError::unsupported("this kind of JOIN"));
            }
            if self.keyword(K::CROSS) {
                if !self.keyword(K::JOIN) {
                    if self.peek_keyword(K::APPLY) {
                        return Err(SqlError::unsupported("this kind of JOIN"));
                    }
                    return self.expected();
                }
                let relation = self.table_factor()?;
                joins.push(Join {
                    relation,
                    global: false,
                    join_operator: JoinOperator::CrossJoin(JoinConstraint::None),
                });
                continue;
            }
            let natural = self.keyword(K::NATURAL);
            let kw = match &self.peek().token {
                Token::Word(w) => w.keyword,
                _ => K::NoKeyword,
            };
            let op: fn(JoinConstraint) -> JoinOperator = match kw {
                K::INNER | K::JOIN => {
                    let inner = self.keyword(K::INNER);
                    self.expect_keyword(K::JOIN)?;
                    if inner {
                        JoinOperator::Inner
                    } else {
                        JoinOperator::Join
                    }
                }
                K::LEFT | K::RIGHT => {
                    self.next();
                    let left = kw == K::LEFT;
                    match self.one_of_keywords(&[K::OUTER, K::SEMI, K::ANTI, K::JOIN]) {
                        Some(K::OUTER) => {
                            self.expect_keyword(K::JOIN)?;
                            if left {
                                JoinOperator::LeftOuter
                            } else {
                                JoinOperator::RightOuter
                            }
                        }
                        Some(K::JOIN) => {
                            if left {
                                JoinOperator::Left
                            } else {
                                JoinOperator::Right
                            }
                        }
                        Some(_) => return Err(SqlError::unsupported("this kind of JOIN")),
                        None => return self.expected(),
                    }
                }
                K::FULL => {
                    self.next();
                    self.keyword(K::OUTER);
                    self.expect_keyword(K::JOIN)?;
                    JoinOperator::FullOuter
                }
                K::ANTI | K::SEMI | K::STRAIGHT_JOIN => return Err(SqlError::unsupported("this kind of JOIN")),
                _ if natural => return self.expected(),
                _ => break,
            };
            let relation = self.table_factor()?;
            let constraint = if natural {
                JoinConstraint::Natural
            } else {
                self.join_constraint()?
            };
            joins.push(Join {
                relation,
                global: false,
                join_operator: op(constraint),
            });
        }
        Ok(joins)
    }

    fn join_constraint(&mut self) -> Result<JoinConstraint> {
        if self.keyword(K::ON) {
            Ok(JoinConstraint::On(self.expr()?))
        } else if self.peek_keyword(K::USING) {
            Err(SqlError::unsupported("JOIN ... USING / NATURAL JOIN"))
        } else {
            Ok(JoinConstraint::None)
        }
    }

    fn table_factor(&mut self) -> Result<TableFactor> {
        self.nested(|p| p.table_factor_inner())
    }

    fn table_factor_inner(&mut self) -> Result<TableFactor> {
        if self.peek_keyword(K::LATERAL) || (self.peek_keyword(K::TABLE) && self.peek_nth(1).token == Token::LParen) {
            return Err(SqlError::unsupported("FROM item"));
        }
        if self.consume(&Token::LParen) {
            // A subquery, else a parenthesised table or join.
            let start = self.index;
            if self.starts_query() && !self.failed_subqueries.contains(&start) {
                if let Some(t) = self.maybe(|p| {
                    let subquery = p.query()?;
                    p.expect(&Token::RParen)?;
                    let alias = p.table_alias()?;
                    Ok(TableFactor::Derived {
                        lateral: false,
                        subquery,
                        alias,
                        sample: None,
                    })
                })? {
                    return Ok(t);
                }
                self.failed_subqueries.insert(start);
            }
            let mut twj = self.table_and_joins()?;
            self.expect(&Token::RParen)?;
            if !twj.joins.is_empty() || matches!(twj.relation, TableFactor::NestedJoin { .. }) {
                let alias = self.table_alias()?;
                return Ok(TableFactor::NestedJoin {
                    table_with_joins: Box::new(twj),
                    alias,
                });
            }
            if let Some(outer) = self.table_alias()? {
                match &mut twj.relation {
                    TableFactor::Derived { alias, .. } | TableFactor::Table { alias, .. } => {
                        if alias.is_some() {
                            return Err(SqlError::op("duplicate alias"));
                        }
                        *alias = Some(outer);
                    }
                    _ => return Err(SqlError::unsupported("FROM item")),
                }
            }
            return Ok(twj.relation);
        }
        match &self.peek().token {
            Token::Word(w) if super::expr::is_table_factor(w.keyword) => {}
            _ => return self.expected(),
        }
        let name = self.object_name()?;
        if *self.peek_token() == Token::LParen {
            return Err(SqlError::unsupported("table-valued function"));
        }
        if self.peek_keywords2(K::WITH, K::ORDINALITY) {
            return Err(SqlError::unsupported("FROM item"));
        }
        let alias = self.table_alias()?;
        let mut index_directives = Vec::new();
        if self.keywords(&[K::INDEXED, K::BY]) {
            index_directives.push(sqlparser::ast::TableIndexDirective::IndexedBy(self.identifier()?));
        } else if self.keywords(&[K::NOT, K::INDEXED]) {
            index_directives.push(sqlparser::ast::TableIndexDirective::NotIndexed);
        }
        if self.peek_keyword(K::WITH) && self.peek_nth(1).token == Token::LParen
            || self.peek_keyword(K::TABLESAMPLE)
            || self.peek_keyword(K::PIVOT)
            || self.peek_keyword(K::UNPIVOT)
        {
            return Err(SqlError::unsupported("FROM item"));
        }
        Ok(table(name, alias, index_directives))
    }

    pub(super) fn order_by(&mut self) -> Result<Option<OrderBy>> {
        if !self.keywords(&[K::ORDER, K::BY]) {
            return Ok(None);
        }
        let exprs = self.comma_separated(Self::order_by_expr)?;
        Ok(Some(OrderBy {
            kind: OrderByKind::Expressions(exprs),
            interpolate: None,
        }))
    }

    pub(super) fn order_by_expr(&mut self) -> Result<OrderByExpr> {
        let expr = self.expr()?;
        let options = self.order_options();
        Ok(OrderByExpr {
            expr,
            options,
            with_fill: None,
        })
    }

    pub(super) fn order_options(&mut self) -> OrderByOptions {
        let sort = if self.keyword(K::ASC) {
            Some(OrderBySort::Asc)
        } else if self.keyword(K::DESC) {
            Some(OrderBySort::Desc)
        } else {
            None
        };
        let nulls_first = if self.keywords(&[K::NULLS, K::FIRST]) {
            Some(true)
        } else if self.keywords(&[K::NULLS, K::LAST]) {
            Some(false)
        } else {
            None
        };
        OrderByOptions { sort, nulls_first }
    }

    /// `LIMIT a [OFFSET b]`, `LIMIT b, a`, `OFFSET b [LIMIT a]`.
    pub(super) fn limit_clause(&mut self) -> Result<Option<LimitClause>> {
        let mut offset = if self.keyword(K::OFFSET) { Some(self.offset()?) } else { None };
        let limit = if self.keyword(K::LIMIT) {
            let e = if self.keyword(K::ALL) { None } else { Some(self.expr()?) };
            match e {
                Some(first) if offset.is_none() && *self.peek_token() == Token::Comma => {
                    self.next();
                    return Ok(Some(LimitClause::OffsetCommaLimit {
                        offset: first,
                        limit: self.expr()?,
                    }));
                }
                e => Some(e),
            }
        } else {
            None
        };
        if offset.is_none() && limit.is_some() && self.keyword(K::OFFSET) {
            offset = Some(self.offset()?);
        }
        if offset.is_some() || matches!(limit, Some(Some(_))) {
            Ok(Some(LimitClause::LimitOffset {
                limit: limit.unwrap_or_default(),
                offset,
                limit_by: Vec::new(),
            }))
        } else {
            Ok(None)
        }
    }

    fn offset(&mut self) -> Result<Offset> {
        let value = self.expr()?;
        let rows = if self.keyword(K::ROW) {
            OffsetRows::Row
        } else if self.keyword(K::ROWS) {
            OffsetRows::Rows
        } else {
            OffsetRows::None
        };
        Ok(Offset { value, rows })
    }
}

fn wildcard_options(token: TokenWithSpan) -> WildcardAdditionalOptions {
    WildcardAdditionalOptions {
        wildcard_token: token.into(),
        opt_ilike: None,
        opt_exclude: None,
        opt_except: None,
        opt_rename: None,
        opt_replace: None,
        opt_alias: None,
    }
}

/// A plain `TableFactor::Table`.
pub(super) fn table(
    name: ObjectName,
    alias: Option<TableAlias>,
    index_directives: Vec<sqlparser::ast::TableIndexDirective>,
) -> TableFactor {
    TableFactor::Table {
        name,
        alias,
        args: None,
        with_hints: Vec::new(),
        version: None,
        partitions: Vec::new(),
        with_ordinality: false,
        json_path: None,
        sample: None,
        index_directives,
        inheritance: None,
    }
}
