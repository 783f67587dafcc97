//! Expressions: precedence climbing for the binary levels, recursive
//! descent for the rest (CPython grammar names in comments).

use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::{is_keyword, Tok};
use std::rc::Rc;

// Binding powers for `binary`.
pub(super) const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
pub(super) const P_BOR: u8 = 5;
const P_UNARY: u8 = 11;

/// Can this token begin an expression?
pub(crate) fn starts_expr(t: &Tok) -> bool {
    match t {
        Tok::Name(n) => {
            !is_keyword(n) || matches!(&**n, "None" | "True" | "False" | "not" | "lambda" | "await")
        }
        Tok::Int(..) | Tok::Float(_) | Tok::Imag(_) | Tok::Str(_) => true,
        Tok::Op(o) => matches!(*o, "(" | "[" | "{" | "-" | "+" | "~" | "..."),
        _ => false,
    }
}

pub(crate) fn mk(span: Span, kind: ExprKind) -> Expr {
    Expr { span, kind }
}

pub(super) enum Infix {
    Bool(BoolOpKind),
    Cmp(CmpOp, usize),
    Bin(BinOp),
}

impl<'a> Parser<'a> {
    /// Can the current token begin an expression?
    pub fn at_expr_start(&self) -> bool {
        starts_expr(self.tok())
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

    /// expressions (eval input): `a`, `a, b`, `a,` without starred items.
    pub fn expressions(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if !self.at_expr_start() {
                break;
            }
            elts.push(self.expression()?);
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
            return self.starred_bor();
        }
        self.expression()
    }

    /// `*` bitwise_or. Kept out of the recursive hot path: see [`Parser::expression`].
    #[inline(never)]
    fn starred_bor(&mut self) -> PResult<Expr> {
        let s = self.advance();
        let v = self.binary(P_BOR)?;
        Ok(mk(
            s.to(self.prev_span()),
            ExprKind::Starred {
                value: Box::new(v),
                ctx: Ctx::Load,
            },
        ))
    }

    /// star_named_expression (list/set display items).
    pub fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.starred_bor();
        }
        self.named_expression()
    }

    /// named_expression: `NAME := expression` or an expression.
    pub fn named_expression(&mut self) -> PResult<Expr> {
        // Call arguments go through CPython's invalid_kwarg instead.
        let in_call_args = std::mem::take(&mut self.call_arg_next);
        if self.at_name() && matches!(self.tok_at(1), Tok::Op(":=")) {
            return self.walrus();
        }
        let e = self.expression()?;
        if self.at_op(":=") || (self.at_op("=") && !in_call_args && self.speculating == 0) {
            return self.named_expression_error(e);
        }
        Ok(e)
    }

    #[inline(never)]
    fn walrus(&mut self) -> PResult<Expr> {
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
        Ok(mk(
            s.to(self.prev_span()),
            ExprKind::NamedExpr {
                target: Box::new(target),
                value: Box::new(value),
            },
        ))
    }

    /// `e :=` with a non-name, or `e = ...` where a value is expected.
    #[inline(never)]
    fn named_expression_error(&mut self, e: Expr) -> PResult<Expr> {
        if self.at_op(":=") {
            if !starts_expr(self.tok_at(1)) {
                return Err(self.invalid());
            }
            let msg = format!(
                "cannot use assignment expressions with {}",
                super::targets::expr_name(&e)
            );
            return Err(self.err_range(e.span, e.span, msg));
        }
        self.misplaced_assignment(&e)?;
        Ok(e)
    }

    /// CPython's `invalid_named_expression`: `x = 1` where a value is
    /// expected (`if x = 1:`, `(a = b)`, `[f() = 1]`).
    #[cold]
    #[inline(never)]
    fn misplaced_assignment(&mut self, e: &Expr) -> PResult<()> {
        let eq = self.mark();
        self.advance();
        let b = match self.speculate(|p| p.binary(P_BOR)) {
            Ok(b) => b,
            Err(e) => {
                self.reset(eq);
                return Err(e);
            }
        };
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
    ///
    /// This and the functions it reaches for nested brackets form the
    /// parser's recursion; they only dispatch and leave node building to
    /// `#[inline(never)]` helpers, keeping each level's stack use small
    /// (debug builds give every temporary its own slot).
    pub fn expression(&mut self) -> PResult<Expr> {
        self.expression_inner()
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw("lambda") {
            return self.lambda();
        }
        let start = self.mark();
        let a = self.binary(P_OR)?;
        if self.at_kw("if") || (self.speculating == 0 && self.at_expr_start()) {
            return self.expression_tail(start, a);
        }
        Ok(a)
    }

    /// The conditional expression after its body, or CPython's diagnostics
    /// for an expression followed by another.
    #[inline(never)]
    fn expression_tail(&mut self, start: usize, a: Expr) -> PResult<Expr> {
        if !self.at_kw("if") {
            self.adjacent_expressions(start, &a)?;
            return Ok(a);
        }
        let start_span = self.toks[start].span;
        self.advance();
        self.enter()?;
        let r = self.conditional(start_span, a);
        self.leave();
        r
    }

    #[inline(never)]
    fn conditional(&mut self, start_span: Span, a: Expr) -> PResult<Expr> {
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
        Ok(mk(
            span,
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(a),
                orelse: Box::new(orelse),
            },
        ))
    }

    /// CPython's `invalid_expression` / `invalid_legacy_expression`: two
    /// expressions side by side. Only reached on code that cannot parse.
    #[cold]
    #[inline(never)]
    fn adjacent_expressions(&mut self, start: usize, a: &Expr) -> PResult<()> {
        if self.speculating > 0 {
            return Ok(());
        }
        let after = self.mark();
        let a_tok = self.toks[start].tok.clone();
        let single_name = after == start + 1;
        if single_name {
            if let Tok::Name(n) = &a_tok {
                if matches!(&**n, "print" | "exec") && !self.at_op("(") {
                    if let Some(b) = self.speculate(|p| p.star_expressions())? {
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
        let name_str =
            single_name && matches!(a_tok, Tok::Name(_)) && matches!(self.tok(), Tok::Str(_));
        if soft || name_str || self.at_kw("not") {
            return Ok(());
        }
        // `b` is the longest expression CPython's PEG parser would accept
        // here; a primary approximates it when the full parse fails.
        let b = match self.speculate(|p| p.expression())? {
            Some(b) => Some(b),
            None => {
                self.reset(after);
                self.speculate(|p| p.primary())?
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

    /// Runs a speculative parse for a diagnostic with the diagnostics off
    /// (CPython's `*_without_invalid` rules), keeping the farthest-token
    /// mark of the main parse (CPython's first pass). A failed parse means
    /// "no match", unless it ran into the tokenizer's error, which CPython
    /// raises as soon as it reads it.
    fn speculate(&mut self, f: impl FnOnce(&mut Self) -> PResult<Expr>) -> PResult<Option<Expr>> {
        let save_max = self.max_pos.get();
        self.speculating += 1;
        let r = f(self);
        self.speculating -= 1;
        self.max_all.set(self.max_all.get().max(self.max_pos.get()));
        self.max_pos.set(save_max);
        match r {
            Ok(e) => Ok(Some(e)),
            Err(e) if self.hit_lex_error || self.saw_error_token.get() => Err(e),
            Err(_) => Ok(None),
        }
    }

    #[cold]
    #[inline(never)]
    pub fn check_lex_error_now(&mut self) -> Option<Box<crate::parse::errors::SyntaxError>> {
        if *self.tok() == Tok::Error {
            return Some(self.invalid());
        }
        None
    }

    #[inline(never)]
    fn lambda(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.lambda_inner();
        self.leave();
        r
    }

    fn lambda_inner(&mut self) -> PResult<Expr> {
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

    pub(super) fn infix(&self, min: u8) -> Option<(u8, Infix)> {
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
        // One result slot for the whole loop keeps this recursive frame small.
        let mut r = self.prefix(min);
        while let Ok(left) = r {
            let Some((prec, op)) = self.infix(min).filter(|(p, _)| *p >= min) else {
                return Ok(left);
            };
            r = match op {
                Infix::Bool(kind) => self.bool_chain(start, left, kind, prec, min),
                Infix::Cmp(..) => self.compare_chain(start, left, min),
                Infix::Bin(op) => self.binop(start, left, op, prec),
            };
        }
        r
    }

    #[inline(never)]
    fn bool_chain(
        &mut self,
        start: Span,
        left: Expr,
        kind: BoolOpKind,
        prec: u8,
        min: u8,
    ) -> PResult<Expr> {
        let mut values = vec![left];
        while self.infix(min).is_some_and(|(p, _)| p == prec) {
            self.advance();
            values.push(self.binary(prec + 1)?);
        }
        self.grow()?;
        let span = start.to(self.prev_span());
        Ok(mk(span, ExprKind::BoolOp { op: kind, values }))
    }

    #[inline(never)]
    fn compare_chain(&mut self, start: Span, left: Expr, min: u8) -> PResult<Expr> {
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
        Ok(mk(
            span,
            ExprKind::Compare {
                left: Box::new(left),
                ops,
                comparators,
            },
        ))
    }

    #[inline(never)]
    fn binop(&mut self, start: Span, left: Expr, op: BinOp, prec: u8) -> PResult<Expr> {
        self.advance();
        let right = self.binary(prec + 1)?;
        self.grow()?;
        let span = start.to(self.prev_span());
        Ok(mk(
            span,
            ExprKind::BinOp {
                left: Box::new(left),
                op,
                right: Box::new(right),
            },
        ))
    }

    fn prefix(&mut self, min: u8) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Name(n) if &**n == "not" && min <= P_NOT => UnaryOp::Not,
            Tok::Op("-") => UnaryOp::USub,
            Tok::Op("+") => UnaryOp::UAdd,
            Tok::Op("~") => UnaryOp::Invert,
            _ => return self.power(),
        };
        self.unary(op)
    }

    #[inline(never)]
    fn unary(&mut self, op: UnaryOp) -> PResult<Expr> {
        let s = self.advance();
        self.enter()?;
        let operand = self.binary(if op == UnaryOp::Not { P_NOT } else { P_UNARY });
        self.leave();
        let operand = operand?;
        Ok(mk(
            s.to(self.prev_span()),
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
        ))
    }

    /// power: await_primary ['**' factor]
    fn power(&mut self) -> PResult<Expr> {
        if self.at_kw("await") {
            return self.await_power();
        }
        let start = self.span();
        let base = self.primary()?;
        if self.at_op("**") {
            return self.pow_tail(start, base);
        }
        Ok(base)
    }

    #[inline(never)]
    fn await_power(&mut self) -> PResult<Expr> {
        let s = self.advance();
        let v = self.primary()?;
        let base = mk(s.to(self.prev_span()), ExprKind::Await(Box::new(v)));
        if self.at_op("**") {
            return self.pow_tail(s, base);
        }
        Ok(base)
    }

    #[inline(never)]
    fn pow_tail(&mut self, start: Span, base: Expr) -> PResult<Expr> {
        self.advance();
        self.enter()?;
        let exp = self.binary(P_UNARY);
        self.leave();
        let exp = exp?;
        let span = start.to(self.prev_span());
        Ok(mk(
            span,
            ExprKind::BinOp {
                left: Box::new(base),
                op: BinOp::Pow,
                right: Box::new(exp),
            },
        ))
    }

    /// primary: atom followed by `.name`, `(args)`, `[slices]`.
    pub fn primary(&mut self) -> PResult<Expr> {
        let start = self.span();
        let mut r = self.atom();
        while let Ok(e) = r {
            if !matches!(self.tok(), Tok::Op("." | "(" | "[")) {
                return Ok(e);
            }
            r = self.trailer(start, e);
        }
        r
    }

    #[inline(never)]
    fn trailer(&mut self, start: Span, e: Expr) -> PResult<Expr> {
        self.grow()?;
        if self.at_op(".") {
            self.advance();
            let (attr, s) = self.name()?;
            return Ok(mk(
                start.to(s),
                ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                    ctx: Ctx::Load,
                },
            ));
        }
        self.enter()?;
        let r = if self.at_op("(") {
            self.call_trailer(start, e)
        } else {
            self.subscript_trailer(start, e)
        };
        self.leave();
        r
    }

    fn atom(&mut self) -> PResult<Expr> {
        let kind = match self.tok() {
            Tok::Str(_) => 0,
            Tok::Op("(") => 1,
            Tok::Op("[") => 2,
            Tok::Op("{") => 3,
            _ => return self.simple_atom(),
        };
        // Every bracket (and f-string) level costs one unit of the
        // recursion budget.
        self.enter()?;
        let r = match kind {
            0 => self.strings(),
            1 => self.paren(),
            2 => self.list(),
            _ => self.brace(),
        };
        self.leave();
        r
    }

    /// Names, keywords constants and numbers.
    #[inline(never)]
    pub(super) fn simple_atom(&mut self) -> PResult<Expr> {
        let t = self.tok().clone();
        let c = match t {
            Tok::Name(n) => match &*n {
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
            },
            Tok::Int(text, radix) => int_constant(&text, radix),
            Tok::Float(v) => Constant::Float(v),
            Tok::Imag(v) => Constant::Complex(v),
            Tok::Op("...") => Constant::Ellipsis,
            _ => return Err(self.invalid()),
        };
        let s = self.advance();
        Ok(mk(s, ExprKind::Constant(c)))
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
