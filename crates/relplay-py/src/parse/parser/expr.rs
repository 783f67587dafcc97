//! Expressions: precedence climbing for the binary levels, recursive
//! descent for the rest (CPython grammar names in comments).

use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::{is_keyword, Tok};
use std::rc::Rc;

// Binding powers for `binary`.
const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
const P_BOR: u8 = 5;
const P_UNARY: u8 = 11;

pub(crate) fn mk(span: Span, kind: ExprKind) -> Expr {
    Expr { span, kind }
}

enum Infix {
    Bool(BoolOpKind),
    Cmp(CmpOp, usize),
    Bin(BinOp),
}

impl<'a> Parser<'a> {
    /// Can the current token begin an expression?
    pub fn at_expr_start(&self) -> bool {
        match self.tok() {
            Tok::Name(n) => {
                !is_keyword(n)
                    || matches!(&**n, "None" | "True" | "False" | "not" | "lambda" | "await")
            }
            Tok::Int(..) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
            Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
            _ => false,
        }
    }

    /// star_expressions: `a`, `a, *b`, `a,` (a tuple when there is a comma).
    pub fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.at_expr_start() && !self.at_op("*") {
                break;
            }
            elts.push(self.star_expression()?);
        }
        let span = start.to(self.prev_span());
        Ok(mk(
            span,
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    pub fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let s = self.advance();
            let v = self.binary(P_BOR)?;
            return Ok(mk(
                s.to(self.prev_span()),
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Ctx::Load,
                },
            ));
        }
        self.expression()
    }

    /// star_named_expression (list/set display items).
    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let s = self.advance();
            let v = self.binary(P_BOR)?;
            return Ok(mk(
                s.to(self.prev_span()),
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Ctx::Load,
                },
            ));
        }
        self.named_expression()
    }

    /// named_expression: `NAME := expression` or an expression.
    pub fn named_expression(&mut self) -> PResult<Expr> {
        // Call arguments go through CPython's invalid_kwarg instead.
        let in_call_args = std::mem::take(&mut self.call_arg_next);
        if self.at_name() && matches!(self.tok_at(1), Tok::Op(":=")) {
            let (id, s) = self.name()?;
            self.advance();
            let value = self.expression()?;
            let target = mk(
                s,
                ExprKind::Name {
                    id,
                    ctx: Ctx::Store,
                },
            );
            return Ok(mk(
                s.to(self.prev_span()),
                ExprKind::NamedExpr {
                    target: Box::new(target),
                    value: Box::new(value),
                },
            ));
        }
        let e = self.expression()?;
        if self.at_op(":=") {
            let msg = format!(
                "cannot use assignment expressions with {}",
                super::targets::expr_name(&e)
            );
            return Err(self.err_range(e.span, e.span, msg));
        }
        if self.at_op("=") && !self.no_invalid && !in_call_args {
            self.misplaced_assignment(&e)?;
        }
        Ok(e)
    }

    /// CPython's `invalid_named_expression`: `x = 1` where a value is
    /// expected (`if x = 1:`, `(a = b)`, `[f() = 1]`).
    fn misplaced_assignment(&mut self, e: &Expr) -> PResult<()> {
        let eq = self.mark();
        self.advance();
        let b = self.without_invalid(|p| p.binary(P_BOR));
        let r = match b {
            Some(b) if !self.at_op("=") && !self.at_op(":=") => {
                if matches!(e.kind, ExprKind::Name { .. }) && eq == self.expr_start_of(e) + 1 {
                    Err(self.err_range(
                        e.span,
                        b.span,
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ))
                } else if super::stmt::is_bitwise_or_level(e)
                    && !matches!(
                        e.kind,
                        ExprKind::List { .. }
                            | ExprKind::Tuple { .. }
                            | ExprKind::GeneratorExp { .. }
                            | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
                    )
                {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        super::targets::expr_name(e)
                    );
                    Err(self.err_at(e.span, msg))
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        };
        self.reset(eq);
        r
    }

    /// Token index where `e` starts (spans are unique per token start).
    fn expr_start_of(&self, e: &Expr) -> usize {
        self.toks[..self.pos]
            .iter()
            .rposition(|t| t.span.start == e.span.start)
            .unwrap_or(0)
    }

    /// expression: lambda, or a disjunction with an optional `if ... else`.
    pub fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.mark();
        let start_span = self.span();
        let a = self.binary(P_OR)?;
        if self.at_kw("if") {
            self.advance();
            let test = self.binary(P_OR)?;
            if !self.at_kw("else") {
                if !self.at_op(":") && !self.at_op("=") {
                    if let Some(e) = self.check_lex_error_now() {
                        return Err(e);
                    }
                    return Err(self.err_range(
                        a.span,
                        test.span,
                        "expected 'else' after 'if' expression",
                    ));
                }
                return Err(self.invalid());
            }
            self.advance();
            let orelse = self.expression()?;
            let span = start_span.to(self.prev_span());
            return Ok(mk(
                span,
                ExprKind::IfExp {
                    test: Box::new(test),
                    body: Box::new(a),
                    orelse: Box::new(orelse),
                },
            ));
        }
        if self.at_expr_start() {
            self.adjacent_expressions(start, &a)?;
        }
        Ok(a)
    }

    /// CPython's `invalid_expression` / `invalid_legacy_expression`: two
    /// expressions side by side. Only reached on code that cannot parse.
    fn adjacent_expressions(&mut self, start: usize, a: &Expr) -> PResult<()> {
        if self.no_invalid {
            return Ok(());
        }
        let after = self.mark();
        let a_tok = self.toks[start].tok.clone();
        let single_name = after == start + 1;
        if single_name {
            if let Tok::Name(n) = &a_tok {
                if matches!(&**n, "print" | "exec") && !self.at_op("(") {
                    if let Some(b) = self.without_invalid(|p| p.star_expressions()) {
                        let msg = format!(
                            "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                            n, n
                        );
                        return Err(self.err_range(a.span, b.span, msg));
                    }
                    self.reset(after);
                    return Ok(());
                }
            }
        }
        let soft = single_name
            && matches!(&a_tok, Tok::Name(n) if matches!(&**n, "match" | "case" | "_" | "type"));
        let name_str = single_name && matches!(self.tok(), Tok::Str(_));
        if soft || name_str || self.at_kw("not") {
            return Ok(());
        }
        // `b` is the longest expression CPython's PEG parser would accept
        // here; a primary approximates it when the full parse fails.
        let b = match self.without_invalid(|p| p.expression()) {
            Some(b) => Some(b),
            None => {
                self.reset(after);
                self.without_invalid(|p| p.primary())
            }
        };
        if let Some(b) = b {
            if self.toks[self.pos.saturating_sub(1)].level > 0 {
                return Err(self.err_range(
                    a.span,
                    b.span,
                    "invalid syntax. Perhaps you forgot a comma?",
                ));
            }
        }
        self.reset(after);
        Ok(())
    }

    /// Runs a speculative parse with the `invalid_*` checks off, keeping the
    /// farthest-token mark of the main parse (CPython's first pass).
    fn without_invalid(&mut self, f: impl FnOnce(&mut Self) -> PResult<Expr>) -> Option<Expr> {
        let save_max = self.max_pos.get();
        let saved = std::mem::replace(&mut self.no_invalid, true);
        let r = f(self);
        self.no_invalid = saved;
        self.max_all.set(self.max_all.get().max(self.max_pos.get()));
        self.max_pos.set(save_max);
        r.ok()
    }

    pub fn check_lex_error_now(&mut self) -> Option<Box<crate::parse::errors::SyntaxError>> {
        if *self.tok() == Tok::Error {
            return Some(self.invalid());
        }
        None
    }

    fn lambda(&mut self) -> PResult<Expr> {
        let s = self.advance();
        let args = self.parameters(false, ":")?;
        self.expect_op(":")?;
        let body = self.expression()?;
        Ok(mk(
            s.to(self.prev_span()),
            ExprKind::Lambda {
                args: Rc::new(args),
                body: Rc::new(body),
            },
        ))
    }

    fn infix(&self, min: u8) -> Option<(u8, Infix)> {
        let t = self.tok();
        // Comparison operators are not looked for below their level, so
        // `not`/`is` do not peek further than CPython would.
        let cmp_ok = min <= P_CMP;
        let r = match t {
            Tok::Name(n) => match &**n {
                "or" => (P_OR, Infix::Bool(BoolOpKind::Or)),
                "and" => (P_AND, Infix::Bool(BoolOpKind::And)),
                "in" => (P_CMP, Infix::Cmp(CmpOp::In, 1)),
                "not" if cmp_ok && matches!(self.tok_at(1), Tok::Name(m) if &**m == "in") => {
                    (P_CMP, Infix::Cmp(CmpOp::NotIn, 2))
                }
                "is" => {
                    if cmp_ok && matches!(self.tok_at(1), Tok::Name(m) if &**m == "not") {
                        (P_CMP, Infix::Cmp(CmpOp::IsNot, 2))
                    } else {
                        (P_CMP, Infix::Cmp(CmpOp::Is, 1))
                    }
                }
                _ => return None,
            },
            Tok::Op(o) => match *o {
                "<" => (P_CMP, Infix::Cmp(CmpOp::Lt, 1)),
                ">" => (P_CMP, Infix::Cmp(CmpOp::Gt, 1)),
                "==" => (P_CMP, Infix::Cmp(CmpOp::Eq, 1)),
                ">=" => (P_CMP, Infix::Cmp(CmpOp::GtE, 1)),
                "<=" => (P_CMP, Infix::Cmp(CmpOp::LtE, 1)),
                "!=" => (P_CMP, Infix::Cmp(CmpOp::NotEq, 1)),
                "|" => (5, Infix::Bin(BinOp::BitOr)),
                "^" => (6, Infix::Bin(BinOp::BitXor)),
                "&" => (7, Infix::Bin(BinOp::BitAnd)),
                "<<" => (8, Infix::Bin(BinOp::LShift)),
                ">>" => (8, Infix::Bin(BinOp::RShift)),
                "+" => (9, Infix::Bin(BinOp::Add)),
                "-" => (9, Infix::Bin(BinOp::Sub)),
                "*" => (10, Infix::Bin(BinOp::Mult)),
                "/" => (10, Infix::Bin(BinOp::Div)),
                "//" => (10, Infix::Bin(BinOp::FloorDiv)),
                "%" => (10, Infix::Bin(BinOp::Mod)),
                "@" => (10, Infix::Bin(BinOp::MatMult)),
                _ => return None,
            },
            _ => return None,
        };
        Some(r)
    }

    /// Precedence climbing over `or` ... `*`; `min` is the loosest level
    /// accepted (P_OR = disjunction, P_BOR = bitwise_or).
    pub fn binary(&mut self, min: u8) -> PResult<Expr> {
        let saved = std::mem::take(&mut self.hmax);
        let r = self.binary_inner(min);
        self.hmax = self.hmax.max(saved);
        r
    }

    fn binary_inner(&mut self, min: u8) -> PResult<Expr> {
        // Nodes start at their first token, parentheses included, as in CPython.
        let start = self.span();
        let mut left = self.prefix(min)?;
        while let Some((prec, op)) = self.infix(min) {
            if prec < min {
                break;
            }
            match op {
                Infix::Bool(kind) => {
                    let mut values = vec![left];
                    while self.infix(min).is_some_and(|(p, _)| p == prec) {
                        self.advance();
                        values.push(self.binary(prec + 1)?);
                    }
                    self.grow()?;
                    let span = start.to(self.prev_span());
                    left = mk(span, ExprKind::BoolOp { op: kind, values });
                }
                Infix::Cmp(..) => {
                    let mut ops = Vec::new();
                    let mut comparators = Vec::new();
                    while let Some((_, Infix::Cmp(op, n))) = self.infix(min) {
                        for _ in 0..n {
                            self.advance();
                        }
                        ops.push(op);
                        comparators.push(self.binary(P_CMP + 1)?);
                    }
                    self.grow()?;
                    let span = start.to(self.prev_span());
                    left = mk(
                        span,
                        ExprKind::Compare {
                            left: Box::new(left),
                            ops,
                            comparators,
                        },
                    );
                }
                Infix::Bin(op) => {
                    self.advance();
                    let right = self.binary(prec + 1)?;
                    self.grow()?;
                    let span = start.to(self.prev_span());
                    left = mk(
                        span,
                        ExprKind::BinOp {
                            left: Box::new(left),
                            op,
                            right: Box::new(right),
                        },
                    );
                }
            }
        }
        Ok(left)
    }

    fn prefix(&mut self, min: u8) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Name(n) if &**n == "not" && min <= P_NOT => (UnaryOp::Not, P_NOT),
            Tok::Op("-") => (UnaryOp::USub, P_UNARY),
            Tok::Op("+") => (UnaryOp::UAdd, P_UNARY),
            Tok::Op("~") => (UnaryOp::Invert, P_UNARY),
            _ => return self.power(),
        };
        let s = self.advance();
        self.enter()?;
        let operand = self.binary(op.1);
        self.leave();
        let operand = operand?;
        Ok(mk(
            s.to(self.prev_span()),
            ExprKind::UnaryOp {
                op: op.0,
                operand: Box::new(operand),
            },
        ))
    }

    /// power: await_primary ['**' factor]
    fn power(&mut self) -> PResult<Expr> {
        let start = self.span();
        let base = if self.at_kw("await") {
            let s = self.advance();
            let v = self.primary()?;
            mk(s.to(self.prev_span()), ExprKind::Await(Box::new(v)))
        } else {
            self.primary()?
        };
        if self.eat_op("**") {
            self.enter()?;
            let exp = self.binary(P_UNARY);
            self.leave();
            let exp = exp?;
            let span = start.to(self.prev_span());
            return Ok(mk(
                span,
                ExprKind::BinOp {
                    left: Box::new(base),
                    op: BinOp::Pow,
                    right: Box::new(exp),
                },
            ));
        }
        Ok(base)
    }

    /// primary: atom followed by `.name`, `(args)`, `[slices]`.
    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut e = self.atom()?;
        loop {
            if matches!(self.tok(), Tok::Op("." | "(" | "[")) {
                self.grow()?;
            }
            if self.at_op(".") {
                self.advance();
                let (attr, s) = self.name()?;
                e = mk(
                    start.to(s),
                    ExprKind::Attribute {
                        value: Box::new(e),
                        attr,
                        ctx: Ctx::Load,
                    },
                );
            } else if self.at_op("(") {
                let open = self.advance();
                let (args, keywords) = self.call_args(open)?;
                let close = self.expect_op(")")?;
                e = mk(
                    start.to(close),
                    ExprKind::Call {
                        func: Box::new(e),
                        args,
                        keywords,
                    },
                );
            } else if self.at_op("[") {
                self.advance();
                let slice = self.slices()?;
                let close = self.expect_op("]")?;
                e = mk(
                    start.to(close),
                    ExprKind::Subscript {
                        value: Box::new(e),
                        slice: Box::new(slice),
                        ctx: Ctx::Load,
                    },
                );
            } else {
                return Ok(e);
            }
        }
    }

    fn slices(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice()?;
        if !self.at_op(",") {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                // `a[*b]` subscripts with a one-element tuple.
                let span = first.span;
                return Ok(mk(
                    span,
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: Ctx::Load,
                    },
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op("]") {
                break;
            }
            elts.push(self.slice()?);
        }
        let span = start.to(self.prev_span());
        Ok(mk(
            span,
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    fn slice(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.star_expression();
        }
        let start = self.span();
        let lower = if self.at_op(":") {
            None
        } else {
            Some(self.named_expression()?)
        };
        if !self.at_op(":") {
            return lower.ok_or_else(|| self.invalid());
        }
        let mut end = self.advance();
        let upper = if self.at_expr_start() {
            let e = self.expression()?;
            end = e.span;
            Some(Box::new(e))
        } else {
            None
        };
        let mut step = None;
        if self.at_op(":") {
            end = self.advance();
            if self.at_expr_start() {
                let e = self.expression()?;
                end = e.span;
                step = Some(Box::new(e));
            }
        }
        let span = lower.as_ref().map_or(start, |l| l.span).to(end);
        Ok(mk(
            span,
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
        ))
    }

    /// Call arguments up to (not including) the closing `)`.
    pub fn call_args(&mut self, open: Span) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kwunpack = false;
        while !self.at_op(")") {
            if self.at_op("**") {
                let s = self.advance();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: None,
                    span: s.to(value.span),
                    value,
                });
                seen_kwunpack = true;
            } else if self.at_op("*") {
                if !keywords.is_empty() && matches!(self.tok_at(1), Tok::Op(")" | ",")) {
                    let s = self.span();
                    return Err(self.err_at(
                        s,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                let e = self.star_expression()?;
                if seen_kwunpack {
                    return Err(self.err_range(
                        e.span,
                        e.span,
                        "iterable argument unpacking follows keyword argument unpacking",
                    ));
                }
                args.push(e);
            } else if self.at_name() && matches!(self.tok_at(1), Tok::Op("=")) {
                let (arg, s) = self.name()?;
                self.advance();
                let value = self.expression()?;
                keywords.push(Keyword {
                    arg: Some(arg),
                    span: s.to(value.span),
                    value,
                });
            } else {
                if matches!(self.tok(), Tok::Name(n) if matches!(&**n, "True" | "False" | "None"))
                    && matches!(self.tok_at(1), Tok::Op("="))
                {
                    let s = self.span();
                    let msg = format!(
                        "cannot assign to {}",
                        &self.src[s.start as usize..s.end as usize]
                    );
                    return Err(self.err_at(s, msg));
                }
                self.call_arg_next = true;
                let e = self.named_expression()?;
                if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    let close = self.span();
                    let g = mk(
                        open.to(close),
                        ExprKind::GeneratorExp {
                            elt: Rc::new(e),
                            generators: generators.into(),
                        },
                    );
                    if !args.is_empty() || !keywords.is_empty() || self.at_op(",") {
                        let gs = g.span;
                        let mut gspan = gs;
                        gspan.start = g.elt_span().start;
                        gspan.line = g.elt_span().line;
                        gspan.col = g.elt_span().col;
                        let last = self.prev_span();
                        return Err(self.err_range(
                            gspan,
                            last,
                            "Generator expression must be parenthesized",
                        ));
                    }
                    args.push(g);
                    continue;
                }
                if self.at_op("=") {
                    let s = e.span;
                    return Err(self.err_range(
                        s,
                        self.span(),
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    ));
                }
                if !keywords.is_empty() {
                    let msg = if seen_kwunpack {
                        "positional argument follows keyword argument unpacking"
                    } else {
                        "positional argument follows keyword argument"
                    };
                    let s = self.span();
                    return Err(self.err_at(s, msg));
                }
                args.push(e);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        Ok((args, keywords))
    }

    /// One or more `for ... in ... [if ...]` clauses.
    pub fn comprehension_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        loop {
            let is_async =
                self.at_kw("async") && matches!(self.tok_at(1), Tok::Name(n) if &**n == "for");
            if is_async {
                self.advance();
            }
            if !self.eat_kw("for") {
                break;
            }
            let target_at = self.mark();
            let target = self.target_list("in")?;
            if !self.at_kw("in") {
                return Err(self.invalid_for_target(target_at));
            }
            self.advance();
            let iter = self.binary(P_OR)?;
            let mut ifs = Vec::new();
            while self.eat_kw("if") {
                ifs.push(self.binary(P_OR)?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }

    /// CPython's `invalid_for_target`: reparse the target as expressions,
    /// which reports `Perhaps you forgot a comma?` or an invalid target.
    pub fn invalid_for_target(&mut self, at: usize) -> Box<crate::parse::errors::SyntaxError> {
        if self.no_invalid {
            return self.invalid();
        }
        let save = self.mark();
        let save_max = self.max_pos.get();
        self.reset(at);
        let r = self.star_expressions();
        self.max_all.set(self.max_all.get().max(self.max_pos.get()));
        self.max_pos.set(save_max);
        self.reset(save);
        match r {
            Err(e) if e.msg != "invalid syntax" => e,
            Ok(t) => match super::targets::invalid_target(&t, false) {
                Some(bad) => {
                    let msg = format!("cannot assign to {}", super::targets::expr_name(bad));
                    self.err_at(bad.span, msg)
                }
                None => self.invalid(),
            },
            Err(_) => self.invalid(),
        }
    }

    /// star_targets for `for` loops and comprehensions, up to `stop`.
    pub fn target_list(&mut self, stop: &str) -> PResult<Expr> {
        let start = self.span();
        let first = self.target_item()?;
        let e = if self.at_op(",") {
            let mut elts = vec![first];
            while self.eat_op(",") {
                if self.at_kw(stop) {
                    break;
                }
                elts.push(self.target_item()?);
            }
            let span = start.to(self.prev_span());
            mk(
                span,
                ExprKind::Tuple {
                    elts,
                    ctx: Ctx::Store,
                },
            )
        } else {
            first
        };
        self.set_store(e, "assign to")
    }

    pub fn target_item(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            let s = self.advance();
            let v = self.target_operand()?;
            return Ok(mk(
                s.to(self.prev_span()),
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Ctx::Load,
                },
            ));
        }
        self.target_operand()
    }

    /// A target is a primary in CPython's grammar; an operator after it
    /// fails there (the generic error points at the operator). Reparsing
    /// as an expression then yields "cannot assign to expression".
    fn target_operand(&mut self) -> PResult<Expr> {
        let start = self.mark();
        let e = self.primary()?;
        let more = matches!(self.tok(), Tok::Op("**")) || self.infix(P_BOR).is_some();
        if !more {
            return Ok(e);
        }
        let first_fail = self.max_pos.get();
        self.reset(start);
        let r = self.binary(P_BOR);
        self.max_all.set(self.max_all.get().max(self.max_pos.get()));
        self.max_pos.set(first_fail);
        r
    }

    fn atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        match t {
            Tok::Name(n) => {
                let c = match &*n {
                    "None" => Constant::None,
                    "True" => Constant::True,
                    "False" => Constant::False,
                    _ if is_keyword(&n) => return Err(self.invalid()),
                    _ => {
                        let s = self.advance();
                        return Ok(mk(
                            s,
                            ExprKind::Name {
                                id: n,
                                ctx: Ctx::Load,
                            },
                        ));
                    }
                };
                let s = self.advance();
                Ok(mk(s, ExprKind::Constant(c)))
            }
            Tok::Int(text, radix) => {
                let s = self.advance();
                Ok(mk(s, ExprKind::Constant(int_constant(&text, radix))))
            }
            Tok::Float(v) => {
                let s = self.advance();
                Ok(mk(s, ExprKind::Constant(Constant::Float(v))))
            }
            Tok::Imag(v) => {
                let s = self.advance();
                Ok(mk(s, ExprKind::Constant(Constant::Complex(v))))
            }
            Tok::Str(_) => self.strings(),
            Tok::Op("...") => {
                let s = self.advance();
                Ok(mk(s, ExprKind::Constant(Constant::Ellipsis)))
            }
            Tok::Op("(") => self.paren(),
            Tok::Op("[") => self.list(),
            Tok::Op("{") => self.brace(),
            _ => Err(self.invalid()),
        }
    }

    fn paren(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.at_op(")") {
            let close = self.advance();
            return Ok(mk(
                open.to(close),
                ExprKind::Tuple {
                    elts: vec![],
                    ctx: Ctx::Load,
                },
            ));
        }
        if self.at_kw("yield") {
            let e = self.yield_expr()?;
            self.expect_op(")")?;
            return Ok(e);
        }
        let first = self.star_named_expression()?;
        if self.at_kw("for") || self.at_kw("async") {
            let generators = self.comprehension_clauses()?;
            let close = self.expect_op(")")?;
            return Ok(mk(
                open.to(close),
                ExprKind::GeneratorExp {
                    elt: Rc::new(first),
                    generators: generators.into(),
                },
            ));
        }
        if self.at_op(")") {
            if matches!(first.kind, ExprKind::Starred { .. }) {
                return Err(self.err_at(first.span, "cannot use starred expression here"));
            }
            self.advance();
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(")") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        let close = self.expect_op(")")?;
        Ok(mk(
            open.to(close),
            ExprKind::Tuple {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    fn list(&mut self) -> PResult<Expr> {
        let open = self.advance();
        let mut elts = Vec::new();
        if !self.at_op("]") {
            let first = self.star_named_expression()?;
            if self.at_kw("for") || self.at_kw("async") {
                let generators = self.comprehension_clauses()?;
                let close = self.expect_op("]")?;
                return Ok(mk(
                    open.to(close),
                    ExprKind::ListComp {
                        elt: Rc::new(first),
                        generators: generators.into(),
                    },
                ));
            }
            elts.push(first);
            while self.eat_op(",") {
                if self.at_op("]") {
                    break;
                }
                elts.push(self.star_named_expression()?);
            }
        }
        let close = self.expect_op("]")?;
        Ok(mk(
            open.to(close),
            ExprKind::List {
                elts,
                ctx: Ctx::Load,
            },
        ))
    }

    /// A dict value after `:`, with CPython's diagnostics for `{k:}` and
    /// `{k: *v}`.
    fn dict_value(&mut self) -> PResult<Expr> {
        if !self.no_invalid {
            if self.at_op("}") || self.at_op(",") {
                let colon = self.prev_span();
                return Err(self.err_at(colon, "expression expected after dictionary key and ':'"));
            }
            if self.at_op("*") {
                let star = self.span();
                return Err(self.err_range(
                    star,
                    star,
                    "cannot use a starred expression in a dictionary value",
                ));
            }
        }
        self.expression()
    }

    fn brace(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.at_op("}") {
            let close = self.advance();
            return Ok(mk(
                open.to(close),
                ExprKind::Dict {
                    keys: vec![],
                    values: vec![],
                },
            ));
        }
        // Dict when the first item is `**x` or `k: v`.
        let (first_key, first_val) = if self.at_op("**") {
            self.advance();
            (None, Some(self.binary(P_BOR)?))
        } else {
            let k = self.star_named_expression()?;
            if self.eat_op(":") {
                (Some(k), Some(self.dict_value()?))
            } else {
                (Some(k), None)
            }
        };
        match first_val {
            Some(v) => {
                if first_key.is_some() && (self.at_kw("for") || self.at_kw("async")) {
                    let generators = self.comprehension_clauses()?;
                    let close = self.expect_op("}")?;
                    let key = first_key.unwrap_or_else(|| v.clone());
                    return Ok(mk(
                        open.to(close),
                        ExprKind::DictComp {
                            key: Rc::new(key),
                            value: Rc::new(v),
                            generators: generators.into(),
                        },
                    ));
                }
                let mut keys = vec![first_key];
                let mut values = vec![v];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    if self.eat_op("**") {
                        keys.push(None);
                        values.push(self.binary(P_BOR)?);
                    } else {
                        let k = self.expression()?;
                        if !self.at_op(":") {
                            if self.no_invalid {
                                return Err(self.invalid());
                            }
                            // CPython points just before the key's end.
                            let mut s = k.span;
                            s.line = s.end_line;
                            s.col = s.end_col.saturating_sub(1);
                            let mut e = self.err_at(s, "':' expected after dictionary key");
                            e.end_col = 0;
                            return Err(e);
                        }
                        self.advance();
                        keys.push(Some(k));
                        values.push(self.dict_value()?);
                    }
                }
                let close = self.expect_op("}")?;
                Ok(mk(open.to(close), ExprKind::Dict { keys, values }))
            }
            None => {
                let first =
                    first_key.unwrap_or_else(|| mk(open, ExprKind::Constant(Constant::None)));
                if self.at_kw("for") || self.at_kw("async") {
                    let generators = self.comprehension_clauses()?;
                    let close = self.expect_op("}")?;
                    return Ok(mk(
                        open.to(close),
                        ExprKind::SetComp {
                            elt: Rc::new(first),
                            generators: generators.into(),
                        },
                    ));
                }
                let mut elts = vec![first];
                while self.eat_op(",") {
                    if self.at_op("}") {
                        break;
                    }
                    elts.push(self.star_named_expression()?);
                }
                let close = self.expect_op("}")?;
                Ok(mk(open.to(close), ExprKind::Set(elts)))
            }
        }
    }

    /// `yield`, `yield x, y`, `yield from x`.
    pub fn yield_expr(&mut self) -> PResult<Expr> {
        let s = self.advance();
        if self.eat_kw("from") {
            let v = self.expression()?;
            return Ok(mk(s.to(self.prev_span()), ExprKind::YieldFrom(Box::new(v))));
        }
        if self.at_expr_start() || self.at_op("*") {
            let v = self.star_expressions()?;
            return Ok(mk(
                s.to(self.prev_span()),
                ExprKind::Yield(Some(Box::new(v))),
            ));
        }
        Ok(mk(s, ExprKind::Yield(None)))
    }
}

impl Expr {
    fn elt_span(&self) -> Span {
        match &self.kind {
            ExprKind::GeneratorExp { elt, .. } => elt.span,
            _ => self.span,
        }
    }
}

/// An integer literal: `i64` when it fits, else its decimal digits.
pub(crate) fn int_constant(text: &str, radix: u32) -> Constant {
    if let Ok(v) = i64::from_str_radix(text, radix) {
        return Constant::Int(v);
    }
    if radix == 10 {
        let t = text.trim_start_matches('0');
        return Constant::BigInt(Rc::from(if t.is_empty() { "0" } else { t }));
    }
    // Base conversion with 10^9 limbs, least significant first.
    let mut limbs: Vec<u64> = vec![0];
    for ch in text.chars() {
        let mut carry = ch.to_digit(radix).unwrap_or(0) as u64;
        for l in limbs.iter_mut() {
            let v = *l * radix as u64 + carry;
            *l = v % 1_000_000_000;
            carry = v / 1_000_000_000;
        }
        while carry > 0 {
            limbs.push(carry % 1_000_000_000);
            carry /= 1_000_000_000;
        }
    }
    let mut out = limbs.last().copied().unwrap_or(0).to_string();
    for l in limbs.iter().rev().skip(1) {
        out.push_str(&format!("{:09}", l));
    }
    Constant::BigInt(Rc::from(out))
}
