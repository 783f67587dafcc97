//! Expressions, with sqlparser's SQLiteDialect precedences (its AST is what the
//! translator reads, so `a < b = c` must nest as sqlparser nests it).
use super::Parser;
use crate::error::{Result, SqlError};
use sqlparser::ast::{
    BinaryOperator as B, CaseWhen, CastKind, DataType, DuplicateTreatment, Expr, Function, FunctionArg, FunctionArgExpr,
    FunctionArgumentClause, FunctionArgumentList, FunctionArguments, Ident, InTarget, ObjectName, ObjectNamePart, TrimWhereField,
    UnaryOperator as U, Value, ValueWithSpan,
};
use sqlparser::keywords::{Keyword as K, RESERVED_FOR_IDENTIFIER};
use sqlparser::tokenizer::{Span, Token};

// SQLiteDialect::prec_value and get_next_precedence.
const OR: u8 = 5;
const AND: u8 = 10;
const UNARY_NOT: u8 = 15;
const IS: u8 = 17;
const LIKE: u8 = 19;
const EQ: u8 = 20; // also BETWEEN, IN
const COMPARISON: u8 = 21;
const BITWISE: u8 = 24; // & | << >>
const CARET: u8 = 23;
const XOR: u8 = 25;
const PLUS_MINUS: u8 = 30;
const MUL_DIV: u8 = 40;

impl Parser<'_> {
    pub(super) fn expr(&mut self) -> Result<Expr> {
        self.subexpr(0)
    }

    /// Operators binding tighter than `precedence`, Pratt style.
    pub(super) fn subexpr(&mut self, precedence: u8) -> Result<Expr> {
        self.nested(|p| {
            let mut expr = p.prefix()?;
            expr = p.compound(expr)?;
            if !p.in_column_definition && p.keyword(K::COLLATE) {
                expr = Expr::Collate {
                    expr: Box::new(expr),
                    collation: p.object_name()?,
                };
            }
            loop {
                let next = p.next_precedence();
                if precedence >= next || *p.peek_token() == Token::Period {
                    break;
                }
                expr = p.infix(expr, next)?;
            }
            Ok(expr)
        })
    }

    fn next_precedence(&self) -> u8 {
        let kw = |n: usize| match &self.peek_nth(n).token {
            Token::Word(w) => w.keyword,
            _ => K::NoKeyword,
        };
        match self.peek_token() {
            Token::Ampersand | Token::Pipe | Token::ShiftLeft | Token::ShiftRight => BITWISE,
            Token::Lt | Token::LtEq | Token::Gt | Token::GtEq => COMPARISON,
            Token::Word(_) => match kw(0) {
                K::OR => OR,
                K::AND => AND,
                K::XOR => XOR,
                K::NOT => match kw(1) {
                    K::IN | K::BETWEEN => EQ,
                    K::LIKE | K::ILIKE | K::RLIKE | K::REGEXP | K::MATCH | K::GLOB | K::SIMILAR | K::MEMBER => LIKE,
                    K::NULL if !self.in_column_definition => IS,
                    _ => 0,
                },
                K::NOTNULL | K::IS => IS,
                K::IN | K::BETWEEN | K::OVERLAPS => EQ,
                K::LIKE | K::ILIKE | K::RLIKE | K::REGEXP | K::MATCH | K::GLOB | K::SIMILAR | K::MEMBER => LIKE,
                K::DIV => MUL_DIV,
                _ => 0,
            },
            Token::Period => 100,
            Token::Eq | Token::Neq | Token::DoubleEq | Token::Spaceship | Token::Tilde => EQ,
            Token::Caret | Token::Sharp => CARET,
            Token::Plus | Token::Minus => PLUS_MINUS,
            Token::Mul | Token::Div | Token::Mod | Token::StringConcat => MUL_DIV,
            _ => 0,
        }
    }

    fn infix(&mut self, left: Expr, precedence: u8) -> Result<Expr> {
        let bin = |left: Expr, op: B, right: Expr| Expr::BinaryOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        };
        // SQLiteDialect's hook: GLOB, MATCH, REGEXP as plain operators.
        for (k, op) in [(K::REGEXP, B::Regexp), (K::MATCH, B::Match), (K::GLOB, B::Glob)] {
            if self.keyword(k) {
                let right = self.subexpr(precedence)?;
                return Ok(bin(left, op, right));
            }
        }
        let tok = self.next();
        let op = match &tok.token {
            Token::DoubleEq | Token::Eq => Some(B::Eq),
            Token::Neq => Some(B::NotEq),
            Token::Gt => Some(B::Gt),
            Token::GtEq => Some(B::GtEq),
            Token::Lt => Some(B::Lt),
            Token::LtEq => Some(B::LtEq),
            Token::Plus => Some(B::Plus),
            Token::Minus => Some(B::Minus),
            Token::Mul => Some(B::Multiply),
            Token::Mod => Some(B::Modulo),
            Token::StringConcat => Some(B::StringConcat),
            Token::Pipe => Some(B::BitwiseOr),
            Token::Caret => Some(B::BitwiseXor),
            Token::Ampersand => Some(B::BitwiseAnd),
            Token::Div => Some(B::Divide),
            Token::ShiftLeft => Some(B::PGBitwiseShiftLeft),
            Token::ShiftRight => Some(B::PGBitwiseShiftRight),
            Token::Spaceship => Some(B::Spaceship),
            Token::Tilde => Some(B::PGRegexMatch),
            Token::Word(w) => match w.keyword {
                K::AND => Some(B::And),
                K::OR => Some(B::Or),
                K::XOR => Some(B::Xor),
                K::OVERLAPS => Some(B::Overlaps),
                _ => None,
            },
            _ => None,
        };
        if let Some(op) = op {
            if self.peek_keyword(K::ANY) || self.peek_keyword(K::ALL) || self.peek_keyword(K::SOME) {
                return self.unsupported("ANY/ALL/SOME comparisons");
            }
            let right = self.subexpr(precedence)?;
            return Ok(bin(left, op, right));
        }
        let Token::Word(w) = &tok.token else {
            self.index -= 1;
            return self.expected();
        };
        let boxed = Box::new(left);
        match w.keyword {
            K::IS => {
                if self.keyword(K::NULL) {
                    Ok(Expr::IsNull(boxed))
                } else if self.keywords(&[K::NOT, K::NULL]) {
                    Ok(Expr::IsNotNull(boxed))
                } else if self.keyword(K::TRUE) {
                    Ok(Expr::IsTrue(boxed))
                } else if self.keywords(&[K::NOT, K::TRUE]) {
                    Ok(Expr::IsNotTrue(boxed))
                } else if self.keyword(K::FALSE) {
                    Ok(Expr::IsFalse(boxed))
                } else if self.keywords(&[K::NOT, K::FALSE]) {
                    Ok(Expr::IsNotFalse(boxed))
                } else if self.keywords(&[K::DISTINCT, K::FROM]) {
                    Ok(Expr::IsDistinctFrom(boxed, Box::new(self.subexpr(precedence)?)))
                } else if self.keywords(&[K::NOT, K::DISTINCT, K::FROM]) {
                    Ok(Expr::IsNotDistinctFrom(boxed, Box::new(self.subexpr(precedence)?)))
                } else {
                    let op = if self.keyword(K::NOT) { B::IsNot } else { B::Is };
                    Ok(Expr::BinaryOp {
                        left: boxed,
                        op,
                        right: Box::new(self.subexpr(EQ)?),
                    })
                }
            }
            K::NOT | K::IN | K::BETWEEN | K::LIKE | K::ILIKE | K::SIMILAR | K::RLIKE => {
                self.index -= 1;
                self.skip_back_whitespace();
                let negated = self.keyword(K::NOT);
                let regexp = self.keyword(K::REGEXP);
                let rlike = self.keyword(K::RLIKE);
                let null = !self.in_column_definition && self.keyword(K::NULL);
                if regexp || rlike {
                    Ok(Expr::RLike {
                        negated,
                        expr: boxed,
                        pattern: Box::new(self.subexpr(LIKE)?),
                        regexp,
                    })
                } else if negated && null {
                    Ok(Expr::IsNotNull(boxed))
                } else if self.keyword(K::IN) {
                    self.in_target(*boxed, negated)
                } else if self.keyword(K::BETWEEN) {
                    // SQLiteDialect: comparisons bind within the low bound.
                    let low = self.subexpr(AND)?;
                    self.expect_keyword(K::AND)?;
                    let high = self.subexpr(EQ)?;
                    Ok(Expr::Between {
                        expr: boxed,
                        negated,
                        low: Box::new(low),
                        high: Box::new(high),
                    })
                } else if self.keyword(K::LIKE) || self.peek_keyword(K::ILIKE) {
                    let ilike = self.keyword(K::ILIKE);
                    let any = self.keyword(K::ANY);
                    let pattern = Box::new(self.subexpr(LIKE)?);
                    let escape_char = self.escape()?;
                    Ok(if ilike {
                        Expr::ILike {
                            negated,
                            any,
                            expr: boxed,
                            pattern,
                            escape_char,
                        }
                    } else {
                        Expr::Like {
                            negated,
                            any,
                            expr: boxed,
                            pattern,
                            escape_char,
                        }
                    })
                } else if self.peek_keyword(K::SIMILAR) {
                    self.unsupported("SIMILAR TO")
                } else {
                    self.expected()
                }
            }
            K::NOTNULL => Ok(Expr::IsNotNull(boxed)),
            K::MEMBER => self.unsupported("MEMBER OF"),
            _ => {
                self.index -= 1;
                self.expected()
            }
        }
    }

    /// After stepping back one token, land on it rather than on whitespace before it.
    pub(super) fn skip_back_whitespace(&mut self) {
        while self.index > 0 && matches!(self.tokens.get(self.index).map(|t| &t.token), Some(Token::Whitespace(_))) {
            self.index -= 1;
        }
    }

    fn escape(&mut self) -> Result<Option<Box<Expr>>> {
        if self.keyword(K::ESCAPE) {
            Ok(Some(Box::new(self.subexpr(LIKE)?)))
        } else {
            Ok(None)
        }
    }

    /// What follows `[NOT] IN`.
    fn in_target(&mut self, expr: Expr, negated: bool) -> Result<Expr> {
        let target = if self.keyword(K::UNNEST) {
            InTarget::Unnest(Box::new(self.parenthesized(Self::expr)?))
        } else if matches!(self.peek_token(), Token::Word(w) if is_table_factor(w.keyword)) {
            let name = self.object_name()?;
            if *self.peek_token() == Token::LParen {
                return self.unsupported("IN table-valued function");
            }
            InTarget::Table { name, args: None }
        } else {
            self.expect(&Token::LParen)?;
            // A leading query is the whole subquery only when `)` follows it.
            let start = self.index;
            if self.starts_query() && !self.failed_subqueries.contains(&start) {
                if let Some(q) = self.maybe(|p| p.query())? {
                    if self.consume(&Token::RParen) {
                        return Ok(Expr::In {
                            expr: Box::new(expr),
                            target: InTarget::Subquery(q),
                            negated,
                            global: false,
                        });
                    }
                    self.index = start;
                }
                self.failed_subqueries.insert(start);
            }
            let list = if *self.peek_token() == Token::RParen {
                Vec::new()
            } else {
                self.comma_separated(Self::expr)?
            };
            self.expect(&Token::RParen)?;
            InTarget::List(list)
        };
        Ok(Expr::In {
            expr: Box::new(expr),
            target,
            negated,
            global: false,
        })
    }

    /// Whether a query may start here: SELECT, VALUES, WITH, possibly after `(`s.
    pub(super) fn starts_query(&self) -> bool {
        let mut n = 0;
        while self.peek_nth(n).token == Token::LParen {
            n += 1;
        }
        [K::SELECT, K::VALUES, K::WITH].iter().any(|k| self.peek_nth_keyword(n, *k))
    }

    fn prefix(&mut self) -> Result<Expr> {
        let t = self.peek();
        let span = t.span;
        match &t.token {
            Token::Word(w) => {
                // A type name then a string is a typed literal (`DATE '2020-01-01'`).
                if w.quote_style.is_none()
                    && matches!(self.peek_nth(1).token, Token::SingleQuotedString(_))
                    && matches!(
                        w.keyword,
                        K::DATE | K::TIME | K::TIMESTAMP | K::DATETIME | K::INTERVAL | K::INT | K::INTEGER | K::TEXT | K::REAL
                    )
                {
                    return self.unsupported("typed string literal");
                }
                self.next();
                let at = self.index;
                // A keyword's special form that fails to parse may still be a
                // plain name (`SELECT case end`), as sqlparser retries it.
                if !self.failed_reserved.contains(&at) {
                    match self.reserved_prefix(w.keyword, w.clone().into_ident(span)) {
                        Ok(Some(e)) => return Ok(e),
                        Ok(None) => {}
                        Err(e) if e.message == "parser stack overflow" || e.message.starts_with("not supported") => return Err(e),
                        Err(e) => {
                            self.failed_reserved.insert(at);
                            self.index = at;
                            if RESERVED_FOR_IDENTIFIER.contains(&w.keyword) {
                                return Err(e);
                            }
                            let id = w.clone().into_ident(span);
                            if *self.peek_token() != Token::LParen {
                                return Ok(Expr::Identifier(id));
                            }
                            return match self.maybe(|p| p.function(ObjectName(vec![ObjectNamePart::Identifier(id)])))? {
                                Some(f) => Ok(f),
                                None => Err(e),
                            };
                        }
                    }
                } else if RESERVED_FOR_IDENTIFIER.contains(&w.keyword) {
                    return self.expected();
                }
                let id = w.clone().into_ident(span);
                if *self.peek_token() == Token::LParen {
                    self.function(ObjectName(vec![ObjectNamePart::Identifier(id)]))
                } else {
                    Ok(Expr::Identifier(id))
                }
            }
            Token::Minus | Token::Plus => {
                let op = if t.token == Token::Plus { U::Plus } else { U::Minus };
                self.next();
                Ok(Expr::UnaryOp {
                    op,
                    expr: Box::new(self.subexpr(MUL_DIV)?),
                })
            }
            Token::Tilde => {
                self.next();
                Ok(Expr::UnaryOp {
                    op: U::BitwiseNot,
                    expr: Box::new(self.subexpr(PLUS_MINUS)?),
                })
            }
            Token::Number(..)
            | Token::SingleQuotedString(_)
            | Token::DoubleQuotedString(_)
            | Token::HexStringLiteral(_)
            | Token::Placeholder(_)
            | Token::Colon
            | Token::AtSign => Ok(Expr::Value(self.value()?)),
            Token::LParen => {
                self.next();
                let e = if self.peek_keyword(K::SELECT) || self.peek_keyword(K::WITH) {
                    Expr::Subquery(self.query()?)
                } else {
                    // Parentheses switch back to expression parsing: `DEFAULT (1 NOT NULL)`.
                    let saved = std::mem::replace(&mut self.in_column_definition, false);
                    let exprs = self.comma_separated(Self::expr);
                    self.in_column_definition = saved;
                    let mut exprs = exprs?;
                    if exprs.len() == 1 {
                        Expr::Nested(Box::new(exprs.remove(0)))
                    } else {
                        Expr::Tuple(exprs)
                    }
                };
                self.expect(&Token::RParen)?;
                Ok(e)
            }
            _ => self.expected(),
        }
    }

    /// Keywords that start special expressions (sqlparser's
    /// `parse_expr_prefix_by_reserved_word`); `None` for a plain name.
    fn reserved_prefix(&mut self, kw: K, id: Ident) -> Result<Option<Expr>> {
        Ok(Some(match kw {
            K::TRUE | K::FALSE | K::NULL => {
                self.index -= 1;
                self.skip_back_whitespace();
                Expr::Value(self.value()?)
            }
            K::CURRENT_TIMESTAMP | K::CURRENT_TIME | K::CURRENT_DATE | K::LOCALTIME | K::LOCALTIMESTAMP => {
                let args = if self.consume(&Token::LParen) {
                    FunctionArguments::List(self.argument_list()?)
                } else {
                    FunctionArguments::None
                };
                Expr::Function(function(ObjectName(vec![ObjectNamePart::Identifier(id)]), args))
            }
            K::CASE => self.case(id.span)?,
            K::CAST => self.cast(CastKind::Cast)?,
            K::TRY_CAST => self.cast(CastKind::TryCast)?,
            K::SAFE_CAST => self.cast(CastKind::SafeCast)?,
            K::EXISTS => self.exists(false)?,
            K::NOT => {
                if self.keyword(K::EXISTS) {
                    self.exists(true)?
                } else {
                    Expr::UnaryOp {
                        op: U::Not,
                        expr: Box::new(self.subexpr(UNARY_NOT)?),
                    }
                }
            }
            K::SUBSTR | K::SUBSTRING => self.substring(kw == K::SUBSTR)?,
            K::TRIM => self.trim()?,
            K::CONVERT | K::TRY_CONVERT | K::EXTRACT | K::CEIL | K::FLOOR | K::OVERLAY | K::INTERVAL
                if *self.peek_token() == Token::LParen || kw == K::INTERVAL =>
            {
                return Err(SqlError::unsupported(format!("function {}()", id.value.to_ascii_lowercase())));
            }
            K::POSITION | K::ARRAY if *self.peek_token() == Token::LParen => {
                return Err(SqlError::unsupported(format!("function {}()", id.value.to_ascii_lowercase())));
            }
            _ => return Ok(None),
        }))
    }

    /// A literal or placeholder.
    pub(super) fn value(&mut self) -> Result<ValueWithSpan> {
        let t = self.next();
        let span = t.span;
        let v = match &t.token {
            Token::Word(w) => match w.keyword {
                K::TRUE => Value::Boolean(true),
                K::FALSE => Value::Boolean(false),
                K::NULL => Value::Null,
                K::NoKeyword if w.quote_style == Some('"') => Value::DoubleQuotedString(w.value.clone()),
                K::NoKeyword if w.quote_style == Some('\'') => Value::SingleQuotedString(w.value.clone()),
                _ => return self.expected_prev(),
            },
            Token::Number(n, l) => Value::Number(n.clone(), *l),
            Token::SingleQuotedString(s) => Value::SingleQuotedString(s.clone()),
            Token::DoubleQuotedString(s) => Value::DoubleQuotedString(s.clone()),
            Token::HexStringLiteral(s) => Value::HexStringLiteral(s.clone()),
            Token::Placeholder(s) => Value::Placeholder(s.clone()),
            Token::Colon | Token::AtSign => {
                // `:name`: the name must follow right away.
                let sigil = if t.token == Token::Colon { ':' } else { '@' };
                let n = self.next_no_skip();
                let (name, end) = match &n.token {
                    Token::Word(w) if w.quote_style.is_none() => (w.value.clone(), n.span.end),
                    Token::Number(s, false) => (s.clone(), n.span.end),
                    _ => return Err(super::syntax_error(n)),
                };
                return Ok(Value::Placeholder(format!("{sigil}{name}")).with_span(Span::new(span.start, end)));
            }
            _ => return self.expected_prev(),
        };
        Ok(v.with_span(span))
    }

    /// The error for the token just consumed.
    pub(super) fn expected_prev<T>(&mut self) -> Result<T> {
        self.index = self.index.saturating_sub(1);
        self.skip_back_whitespace();
        self.expected()
    }

    /// `.name` chains after a prefix: compound identifiers and qualified calls.
    fn compound(&mut self, root: Expr) -> Result<Expr> {
        let mut chain: Vec<Expr> = Vec::new();
        loop {
            if *self.peek_token() != Token::Period {
                break;
            }
            let next = self.peek_nth(1);
            match &next.token {
                // `t.*` belongs to the select item.
                Token::Mul => break,
                Token::SingleQuotedString(s) => {
                    self.next();
                    self.next();
                    chain.push(Expr::Identifier(Ident::with_quote_and_span('\'', next.span, s)));
                }
                Token::Word(_) => {
                    self.next();
                    let id = self.identifier()?;
                    chain.push(if *self.peek_token() == Token::LParen {
                        self.function(ObjectName(vec![ObjectNamePart::Identifier(id)]))?
                    } else {
                        Expr::Identifier(id)
                    });
                }
                _ => {
                    self.next();
                    return self.expected();
                }
            }
        }
        if chain.is_empty() {
            return Ok(root);
        }
        let Expr::Identifier(root) = root else {
            return self.unsupported("field access on an expression");
        };
        let mut parts = vec![root];
        let n = chain.len();
        for (i, e) in chain.into_iter().enumerate() {
            match e {
                Expr::Identifier(id) => parts.push(id),
                Expr::Function(mut f) if i + 1 == n => {
                    let mut name: Vec<ObjectNamePart> = parts.into_iter().map(ObjectNamePart::Identifier).collect();
                    name.append(&mut f.name.0);
                    f.name = ObjectName(name);
                    return Ok(Expr::Function(f));
                }
                _ => return self.unsupported("field access on an expression"),
            }
        }
        Ok(Expr::CompoundIdentifier(parts))
    }

    /// A call's parentheses and what follows them (FILTER, OVER), the name read.
    pub(super) fn function(&mut self, name: ObjectName) -> Result<Expr> {
        self.expect(&Token::LParen)?;
        let args = self.argument_list()?;
        if self.keywords(&[K::WITHIN, K::GROUP]) {
            return self.unsupported("WITHIN GROUP");
        }
        let filter = if self.keyword(K::FILTER) && self.consume(&Token::LParen) && self.keyword(K::WHERE) {
            let f = self.expr()?;
            self.expect(&Token::RParen)?;
            Some(Box::new(f))
        } else {
            None
        };
        if self.peek_keyword(K::RESPECT) || self.peek_keyword(K::IGNORE) {
            return self.unsupported("IGNORE/RESPECT NULLS");
        }
        if self.peek_keyword(K::OVER) {
            // `OVER` is an alias unless a window follows (SQLiteDialect).
            let alias = match &self.peek_nth(1).token {
                Token::LParen | Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => false,
                Token::Word(w) => !super::query::is_column_alias(w.keyword),
                _ => true,
            };
            if !alias {
                let n: Vec<&str> = name.0.iter().filter_map(|p| p.as_ident().map(|i| i.value.as_str())).collect();
                return Err(SqlError::unsupported(format!(
                    "window or filtered function {}()",
                    n.join(".").to_ascii_lowercase()
                )));
            }
        }
        let mut f = function(name, FunctionArguments::List(args));
        f.filter = filter;
        Ok(Expr::Function(f))
    }

    /// Arguments after `(`, through `)`.
    fn argument_list(&mut self) -> Result<FunctionArgumentList> {
        if self.consume(&Token::RParen) {
            return Ok(FunctionArgumentList {
                duplicate_treatment: None,
                args: Vec::new(),
                clauses: Vec::new(),
            });
        }
        let all = self.keyword(K::ALL);
        let distinct = self.keyword(K::DISTINCT);
        let duplicate_treatment = match (all, distinct) {
            (true, true) => return self.expected(),
            (true, false) => Some(DuplicateTreatment::All),
            (false, true) => Some(DuplicateTreatment::Distinct),
            (false, false) => None,
        };
        let args = if !distinct && self.peek_keyword(K::ORDER) && self.peek_nth_keyword(1, K::BY) {
            Vec::new()
        } else {
            self.comma_separated(Self::function_arg)?
        };
        let mut clauses: Vec<FunctionArgumentClause> = Vec::new();
        if self.peek_keyword(K::WHERE) || self.peek_keyword(K::LIMIT) || self.peek_keyword(K::ORDER) {
            return self.unsupported("clauses in a function call");
        }
        clauses.clear();
        self.expect(&Token::RParen)?;
        Ok(FunctionArgumentList {
            duplicate_treatment,
            args,
            clauses,
        })
    }

    fn function_arg(&mut self) -> Result<FunctionArg> {
        if matches!(self.peek_nth(1).token, Token::RArrow) || self.peek_nth_keyword(1, K::VALUE) {
            return self.unsupported("named function arguments");
        }
        Ok(FunctionArg::Unnamed(match self.wildcard_expr()? {
            Expr::Wildcard(_) => FunctionArgExpr::Wildcard,
            Expr::QualifiedWildcard(n, _) => FunctionArgExpr::QualifiedWildcard(n),
            e => FunctionArgExpr::Expr(e),
        }))
    }

    /// `*`, `t.*`, `(*)` or an expression (sqlparser's `parse_wildcard_expr`).
    pub(super) fn wildcard_expr(&mut self) -> Result<Expr> {
        let start = self.index;
        let t = self.next();
        match &t.token {
            Token::Word(_) | Token::SingleQuotedString(_) if *self.peek_token() == Token::Period => {
                self.index = start;
                let mut parts = vec![self.identifier()?];
                while self.consume(&Token::Period) {
                    let n = self.peek();
                    match &n.token {
                        Token::Word(_) | Token::SingleQuotedString(_) => parts.push(self.identifier()?),
                        Token::Mul => {
                            self.next();
                            let name = ObjectName(parts.into_iter().map(ObjectNamePart::Identifier).collect());
                            return Ok(Expr::QualifiedWildcard(name, n.clone().into()));
                        }
                        _ => return self.expected(),
                    }
                }
            }
            Token::Mul => return Ok(Expr::Wildcard(t.clone().into())),
            Token::LParen if self.peek_nth(0).token == Token::Mul && self.peek_nth(1).token == Token::RParen => {
                let m = self.next();
                self.next();
                return Ok(Expr::Wildcard(m.clone().into()));
            }
            _ => {}
        }
        self.index = start;
        self.expr()
    }

    fn case(&mut self, case_span: Span) -> Result<Expr> {
        let case_token = self.tokens[self.index - 1].clone();
        debug_assert_eq!(case_token.span, case_span);
        let mut operand = None;
        if !self.keyword(K::WHEN) {
            operand = Some(Box::new(self.expr()?));
            self.expect_keyword(K::WHEN)?;
        }
        let mut conditions = Vec::new();
        loop {
            let condition = self.expr()?;
            self.expect_keyword(K::THEN)?;
            let result = self.expr()?;
            conditions.push(CaseWhen { condition, result });
            if !self.keyword(K::WHEN) {
                break;
            }
        }
        let else_result = if self.keyword(K::ELSE) {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        let end = self.expect_keyword(K::END)?.clone();
        Ok(Expr::Case {
            case_token: case_token.into(),
            end_token: end.into(),
            operand,
            conditions,
            else_result,
        })
    }

    fn cast(&mut self, kind: CastKind) -> Result<Expr> {
        self.expect(&Token::LParen)?;
        let expr = self.expr()?;
        self.expect_keyword(K::AS)?;
        let data_type = if *self.peek_token() == Token::RParen {
            DataType::Unspecified
        } else {
            self.data_type()?
        };
        if self.peek_keyword(K::FORMAT) {
            return self.unsupported("CAST ... FORMAT");
        }
        self.expect(&Token::RParen)?;
        Ok(Expr::Cast {
            kind,
            expr: Box::new(expr),
            data_type,
            format: None,
        })
    }

    fn exists(&mut self, negated: bool) -> Result<Expr> {
        self.expect(&Token::LParen)?;
        let subquery = self.query()?;
        self.expect(&Token::RParen)?;
        Ok(Expr::Exists { negated, subquery })
    }

    fn substring(&mut self, shorthand: bool) -> Result<Expr> {
        self.expect(&Token::LParen)?;
        let expr = self.expr()?;
        let special = self.consume(&Token::Comma);
        let from = if special || self.keyword(K::FROM) {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        let to = if self.keyword(K::FOR) || self.consume(&Token::Comma) {
            Some(Box::new(self.expr()?))
        } else {
            None
        };
        self.expect(&Token::RParen)?;
        Ok(Expr::Substring {
            expr: Box::new(expr),
            substring_from: from,
            substring_for: to,
            special,
            shorthand,
        })
    }

    fn trim(&mut self) -> Result<Expr> {
        self.expect(&Token::LParen)?;
        let trim_where = match self.one_of_keywords(&[K::BOTH, K::LEADING, K::TRAILING]) {
            Some(K::BOTH) => Some(TrimWhereField::Both),
            Some(K::LEADING) => Some(TrimWhereField::Leading),
            Some(_) => Some(TrimWhereField::Trailing),
            None => None,
        };
        if self.keyword(K::FROM) {
            let expr = self.expr()?;
            let trim_characters = if self.consume(&Token::Comma) {
                Some(self.comma_separated(Self::expr)?)
            } else {
                None
            };
            self.expect(&Token::RParen)?;
            return Ok(Expr::Trim {
                expr: Box::new(expr),
                trim_where,
                trim_what: None,
                trim_characters,
            });
        }
        let expr = self.expr()?;
        let (expr, trim_what, trim_characters) = if self.keyword(K::FROM) {
            (self.expr()?, Some(Box::new(expr)), None)
        } else if self.consume(&Token::Comma) {
            (expr, None, Some(self.comma_separated(Self::expr)?))
        } else {
            (expr, None, None)
        };
        self.expect(&Token::RParen)?;
        Ok(Expr::Trim {
            expr: Box::new(expr),
            trim_where,
            trim_what,
            trim_characters,
        })
    }
}

fn function(name: ObjectName, args: FunctionArguments) -> Function {
    Function {
        name,
        uses_odbc_syntax: false,
        parameters: FunctionArguments::None,
        args,
        filter: None,
        null_treatment: None,
        over: None,
        within_group: Vec::new(),
    }
}

/// SQLiteDialect::is_table_factor: the keywords SQLite does not take as a name.
pub(super) fn is_table_factor(kw: K) -> bool {
    !matches!(
        kw,
        K::ADD
            | K::ALL
            | K::ALTER
            | K::AND
            | K::AS
            | K::AUTOINCREMENT
            | K::BETWEEN
            | K::CASE
            | K::CHECK
            | K::COLLATE
            | K::COMMIT
            | K::CONSTRAINT
            | K::CREATE
            | K::DEFAULT
            | K::DEFERRABLE
            | K::DELETE
            | K::DISTINCT
            | K::DROP
            | K::ELSE
            | K::ESCAPE
            | K::EXCEPT
            | K::EXISTS
            | K::FOREIGN
            | K::FROM
            | K::GROUP
            | K::HAVING
            | K::IN
            | K::INDEX
            | K::INSERT
            | K::INTERSECT
            | K::INTO
            | K::IS
            | K::JOIN
            | K::LIMIT
            | K::NOT
            | K::NOTHING
            | K::NOTNULL
            | K::NULL
            | K::ON
            | K::OR
            | K::ORDER
            | K::PRIMARY
            | K::REFERENCES
            | K::RETURNING
            | K::SELECT
            | K::SET
            | K::TABLE
            | K::THEN
            | K::TO
            | K::TRANSACTION
            | K::UNION
            | K::UNIQUE
            | K::UPDATE
            | K::USING
            | K::VALUES
            | K::WHEN
            | K::WHERE
    )
}
