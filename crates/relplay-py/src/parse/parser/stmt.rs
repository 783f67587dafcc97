//! Statements and blocks.

use super::expr::mk;
use super::targets::{expr_name, invalid_target, with_ctx};
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::errors::SyntaxError;
use crate::parse::tokens::Tok;
use std::rc::Rc;

pub(super) fn st(span: Span, kind: StmtKind) -> Stmt {
    Stmt { span, kind }
}

const AUG_OPS: &[(&str, BinOp)] = &[
    ("+=", BinOp::Add),
    ("-=", BinOp::Sub),
    ("*=", BinOp::Mult),
    ("@=", BinOp::MatMult),
    ("/=", BinOp::Div),
    ("%=", BinOp::Mod),
    ("**=", BinOp::Pow),
    ("<<=", BinOp::LShift),
    (">>=", BinOp::RShift),
    ("|=", BinOp::BitOr),
    ("^=", BinOp::BitXor),
    ("&=", BinOp::BitAnd),
    ("//=", BinOp::FloorDiv),
];

impl<'a> Parser<'a> {
    pub fn module(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while *self.tok() != Tok::EndMarker {
            self.statement(&mut body)?;
        }
        Ok(Module { body })
    }

    /// Block nesting is bounded by the tokenizer's indentation limit.
    pub(super) fn statement(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        self.statement_inner(out)
    }

    /// Dispatches on the first token. Statement nesting recurses through
    /// here, so the `Stmt` values live in [`Parser::push_stmt`]'s frame only.
    fn statement_inner(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        let kw = match self.tok() {
            Tok::Name(n) => match &**n {
                "if" => Some(0),
                "while" => Some(1),
                "for" => Some(2),
                "try" => Some(3),
                "with" => Some(4),
                "def" => Some(5),
                "class" => Some(6),
                "async" => Some(7),
                "match" => Some(8),
                _ => None,
            },
            Tok::Op("@") => Some(9),
            _ => None,
        };
        match kw {
            Some(k) => self.compound_stmt(k, out),
            None => self.simple_stmts(out),
        }
    }

    #[inline(never)]
    fn compound_stmt(&mut self, k: u8, out: &mut Vec<Stmt>) -> PResult<()> {
        if k == 8 {
            let at = self.mark();
            return match self.match_stmt()? {
                Some(s) => {
                    out.push(s);
                    Ok(())
                }
                None => self
                    .simple_stmts(out)
                    .map_err(|e| self.match_missing_colon(at).unwrap_or(e)),
            };
        }
        // Every arm writes into the one `r` (no per-arm temporaries).
        let r = match k {
            0 => self.if_stmt(),
            1 => self.while_stmt(),
            2 => self.for_stmt(),
            3 => self.try_stmt(),
            4 => self.with_stmt(),
            5 => self.funcdef(Vec::new()),
            6 => self.classdef(Vec::new()),
            7 => self.async_stmt(Vec::new()),
            _ => self.decorated(),
        };
        out.push(r?);
        Ok(())
    }

    /// simple_stmt (';' simple_stmt)* [';'] NEWLINE
    pub(super) fn simple_stmts(&mut self, out: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            out.push(s);
            if self.eat_op(";") {
                if *self.tok() == Tok::Newline {
                    break;
                }
                continue;
            }
            break;
        }
        if *self.tok() != Tok::Newline {
            return Err(self.invalid());
        }
        self.advance();
        Ok(())
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        self.reset_height();
        let start = self.span();
        let t = self.tok().clone();
        if let Tok::Name(n) = &t {
            match &**n {
                "pass" => return Ok(st(self.advance(), StmtKind::Pass)),
                "break" => return Ok(st(self.advance(), StmtKind::Break)),
                "continue" => return Ok(st(self.advance(), StmtKind::Continue)),
                "return" => {
                    self.advance();
                    let v = if self.at_expr_start() || self.at_op("*") {
                        Some(self.star_expressions()?)
                    } else {
                        None
                    };
                    let span = start.to(self.prev_span());
                    return Ok(st(span, StmtKind::Return(v)));
                }
                "raise" => {
                    self.advance();
                    let mut exc = None;
                    let mut cause = None;
                    if self.at_expr_start() {
                        exc = Some(self.expression()?);
                        if self.eat_kw("from") {
                            cause = Some(self.expression()?);
                        }
                    }
                    return Ok(st(
                        start.to(self.prev_span()),
                        StmtKind::Raise { exc, cause },
                    ));
                }
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = vec![self.name()?.0];
                    while self.eat_op(",") {
                        names.push(self.name()?.0);
                    }
                    let span = start.to(self.prev_span());
                    let kind = if &**n == "global" {
                        StmtKind::Global(names)
                    } else {
                        StmtKind::Nonlocal(names)
                    };
                    return Ok(st(span, kind));
                }
                "del" => {
                    self.advance();
                    let mut targets = Vec::new();
                    loop {
                        let e = self.target_list_item()?;
                        targets.push(self.set_del(e)?);
                        if !self.eat_op(",") || matches!(self.tok(), Tok::Newline | Tok::Op(";")) {
                            break;
                        }
                    }
                    if !matches!(self.tok(), Tok::Newline | Tok::Op(";")) {
                        return Err(self.invalid());
                    }
                    return Ok(st(start.to(self.prev_span()), StmtKind::Delete(targets)));
                }
                "assert" => {
                    self.advance();
                    let test = self.expression()?;
                    let msg = if self.eat_op(",") {
                        Some(self.expression()?)
                    } else {
                        None
                    };
                    return Ok(st(
                        start.to(self.prev_span()),
                        StmtKind::Assert { test, msg },
                    ));
                }
                "import" => return self.import(),
                "from" => return self.import_from(),
                _ => {}
            }
        }
        self.expr_stmt()
    }

    fn rhs(&mut self) -> PResult<Expr> {
        if self.at_kw("yield") {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    /// Expression statements and all assignment forms.
    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start_tok = self.mark();
        let first = self.rhs()?;
        if self.at_op(":=")
            && !matches!(first.kind, ExprKind::Name { .. })
            && super::expr::starts_expr(self.tok_at(1))
        {
            let msg = format!(
                "cannot use assignment expressions with {}",
                expr_name(&first)
            );
            return Err(self.err_at(first.span, msg));
        }
        if self.at_op(":") {
            return self.ann_assign(start_tok, first);
        }
        if let Some(&(_, op)) = AUG_OPS.iter().find(|(o, _)| self.at_op(o)) {
            if !matches!(
                first.kind,
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
            ) {
                let msg = format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&first)
                );
                return Err(self.err_at(first.span, msg));
            }
            self.advance();
            let value = self.rhs()?;
            let span = self.toks[start_tok].span.to(self.prev_span());
            let target = with_ctx(first, Ctx::Store);
            return Ok(st(span, StmtKind::AugAssign { target, op, value }));
        }
        if !self.at_op("=") {
            let span = self.toks[start_tok].span.to(self.prev_span());
            return Ok(st(span, StmtKind::Expr(first)));
        }
        let mut exprs = vec![first];
        while self.eat_op("=") {
            exprs.push(self.rhs()?);
        }
        let value = exprs
            .pop()
            .unwrap_or_else(|| mk(Span::default(), ExprKind::Constant(Constant::None)));
        for (i, t) in exprs.iter().enumerate() {
            if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
                return Err(self.err_at(t.span, "assignment to yield expression not possible"));
            }
            let Some(bad) = invalid_target(t, false) else {
                continue;
            };
            // CPython's invalid_named_expression fires first for a lone
            // non-display target: `f() = 1`.
            let here = i == 0
                && !matches!(
                    t.kind,
                    ExprKind::List { .. }
                        | ExprKind::Tuple { .. }
                        | ExprKind::GeneratorExp { .. }
                        | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
                )
                && is_bitwise_or_level(t)
                && self.lone_value_after_first(start_tok);
            if here {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                );
                return Err(self.err_at(t.span, msg));
            }
            if i >= 1 {
                if let Some(e) = self.name_eq_hint(start_tok, &exprs[0], &exprs[1]) {
                    return Err(e);
                }
            }
            let msg = format!("cannot assign to {}", expr_name(bad));
            return Err(self.err_at(bad.span, msg));
        }
        let targets: Vec<Expr> = exprs.into_iter().map(|t| with_ctx(t, Ctx::Store)).collect();
        let span = self.toks[start_tok].span.to(self.prev_span());
        Ok(st(span, StmtKind::Assign { targets, value }))
    }

    /// CPython's `NAME '=' bitwise_or !('='|':=')` hint, reached when a
    /// later target of an assignment chain is invalid: the last name of
    /// the first target is followed by `=` and a value that does not end
    /// at the next `=`.
    fn name_eq_hint(
        &self,
        start_tok: usize,
        first: &Expr,
        second: &Expr,
    ) -> Option<Box<SyntaxError>> {
        let name = match &first.kind {
            ExprKind::Name { .. } if self.toks[start_tok].span.start == first.span.start => first,
            ExprKind::Tuple { elts, .. } if self.toks[start_tok].tok != Tok::Op("(") => {
                let last = elts.last()?;
                matches!(last.kind, ExprKind::Name { .. }).then_some(last)?
            }
            _ => return None,
        };
        // The bitwise_or prefix of the value, if the value goes on past it.
        let mut b = second;
        let mut longer = false;
        loop {
            match &b.kind {
                ExprKind::Tuple { elts, .. }
                    if self.src.as_bytes()[b.span.start as usize] != b'(' =>
                {
                    b = elts.first()?;
                    longer = true;
                }
                ExprKind::Compare { left, .. } => {
                    b = left;
                    longer = true;
                }
                ExprKind::BoolOp { values, .. } => {
                    b = values.first()?;
                    longer = true;
                }
                ExprKind::IfExp { body, .. } => {
                    b = body;
                    longer = true;
                }
                _ => break,
            }
        }
        if !longer || !is_bitwise_or_level(b) {
            return None;
        }
        Some(self.err_range(
            name.span,
            b.span,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        ))
    }

    /// Is the statement `target = value` with a single `=` whose value is
    /// a bitwise_or expression (as CPython's invalid_named_expression needs)?
    fn lone_value_after_first(&self, start_tok: usize) -> bool {
        let eqs = self.toks[start_tok..self.pos]
            .iter()
            .filter(|t| t.tok == Tok::Op("=") && t.level == 0)
            .count();
        eqs == 1
    }

    fn ann_assign(&mut self, start_tok: usize, target: Expr) -> PResult<Stmt> {
        let parenthesized = self.toks[start_tok].tok == Tok::Op("(");
        let msg = match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
            ExprKind::Tuple { .. } => Some("only single target (not tuple) can be annotated"),
            ExprKind::List { .. } => Some("only single target (not list) can be annotated"),
            _ => Some("illegal target for annotation"),
        };
        if let Some(msg) = msg {
            // CPython's rule needs an annotation expression after the ':'.
            let colon = self.mark();
            let save_max = self.max_pos.get();
            self.advance();
            let ok = self.expression().is_ok();
            self.max_pos.set(save_max);
            self.reset(colon);
            if ok {
                return Err(self.err_at(target.span, msg));
            }
            return Err(self.invalid());
        }
        self.advance();
        let annotation = self.expression()?;
        let value = if self.eat_op("=") {
            Some(self.rhs()?)
        } else {
            None
        };
        let simple = !parenthesized && matches!(target.kind, ExprKind::Name { .. });
        let span = self.toks[start_tok].span.to(self.prev_span());
        let target = with_ctx(target, Ctx::Store);
        Ok(st(
            span,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            },
        ))
    }

    fn dotted_name(&mut self) -> PResult<(String, Span)> {
        let (n, s) = self.name()?;
        let mut name = n.to_string();
        let mut span = s;
        while self.at_op(".") {
            self.advance();
            let (n, s) = self.name()?;
            name.push('.');
            name.push_str(&n);
            span = span.to(s);
        }
        Ok((name, span))
    }

    fn import(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut names = Vec::new();
        loop {
            let (name, mut span) = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                let (a, s) = self.name()?;
                span = span.to(s);
                Some(a)
            } else {
                None
            };
            names.push(Alias {
                name: name.into(),
                asname,
                span,
            });
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(st(start.to(self.prev_span()), StmtKind::Import(names)))
    }

    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut level = 0;
        loop {
            if self.eat_op(".") {
                level += 1;
            } else if self.eat_op("...") {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw("import") {
            None
        } else {
            Some(Rc::from(self.dotted_name()?.0))
        };
        self.expect_kw("import")?;
        let mut names = Vec::new();
        if self.at_op("*") {
            let s = self.advance();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                span: s,
            });
        } else {
            let paren = self.eat_op("(");
            loop {
                let (name, mut span) = self.name()?;
                let asname = if self.eat_kw("as") {
                    let (a, s) = self.name()?;
                    span = span.to(s);
                    Some(a)
                } else {
                    None
                };
                names.push(Alias { name, asname, span });
                if !self.eat_op(",") {
                    break;
                }
                if paren && self.at_op(")") {
                    break;
                }
                if !paren && *self.tok() == Tok::Newline {
                    let s = self.span();
                    return Err(self.err_at(
                        s,
                        "trailing comma not allowed without surrounding parentheses",
                    ));
                }
            }
            if paren {
                self.expect_op(")")?;
            }
        }
        Ok(st(
            start.to(self.prev_span()),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
        ))
    }
}

/// Expressions CPython's `bitwise_or` rule can produce (no comparison,
/// boolean, conditional, lambda, starred or walrus at the top).
pub(crate) fn is_bitwise_or_level(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}
