//! The `match` statement and its patterns (PEP 634), after CPython's
//! grammar rules of the same names. `match`, `case` and `_` are soft
//! keywords: they are names everywhere else.

use super::expr::mk;
use super::stmt::st;
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::{is_keyword, Tok};

fn pat(span: Span, kind: PatternKind) -> Pattern {
    Pattern { span, kind }
}

impl<'a> Parser<'a> {
    /// subject_expr: `star_named_expression ',' ...` or a named_expression.
    /// Only checks that one parses (the caller resets).
    fn match_subject_ok(&mut self) -> bool {
        if self.star_named_expression().is_err() {
            return false;
        }
        while self.eat_op(",") {
            if self.at_op(":") {
                break;
            }
            if self.star_named_expression().is_err() {
                return false;
            }
        }
        true
    }

    fn match_subject(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.star_named_expression()?;
        if !self.at_op(",") {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        let span = start.to(self.prev_span());
        let ctx = Ctx::Load;
        Ok(mk(span, ExprKind::Tuple { elts, ctx }))
    }

    /// CPython's `invalid_match_stmt`: `match <subject>` and a NEWLINE,
    /// reported only when the line is not a valid simple statement either.
    pub(super) fn match_missing_colon(
        &mut self,
        at: usize,
    ) -> Option<Box<crate::parse::errors::SyntaxError>> {
        let (pos, max) = (self.mark(), self.max_pos.get());
        self.reset(at + 1);
        let missing =
            self.at_expr_start() && self.match_subject_ok() && *self.tok() == Tok::Newline;
        let s = self.span();
        self.reset(pos);
        self.max_pos.set(max);
        missing.then(|| self.err_at(s, "expected ':'"))
    }

    /// `match` is a soft keyword: a match statement only when the line is
    /// `match <subject>:`; otherwise `None` and the line is parsed as
    /// simple statements (`match = 3`, `match(x)`).
    pub(super) fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = self.mark();
        let save_max = self.max_pos.get();
        let start = self.advance();
        let header = (self.at_expr_start() || self.at_op("*"))
            && self.match_subject_ok()
            && self.eat_op(":")
            && *self.tok() == Tok::Newline;
        self.reset(save + 1);
        if !header {
            self.reset(save);
            self.max_pos.set(save_max);
            return Ok(None);
        }
        let subject = self.match_subject()?;
        self.expect_op(":")?;
        // `match x:` on its own line is a match statement for CPython too:
        // its block errors are reported as such.
        if *self.tok_at(1) != Tok::Indent {
            self.advance();
            return Err(self.missing_block("'match' statement", start.line));
        }
        self.advance();
        self.advance();
        let mut cases = Vec::new();
        while !matches!(self.tok(), Tok::Dedent | Tok::EndMarker) {
            if !self.at_kw("case") {
                return Err(self.invalid());
            }
            cases.push(self.case_block()?);
        }
        self.eat_dedent();
        let end = cases
            .last()
            .map_or(start, |c: &MatchCase| Self::end_of(&c.body, c.pattern.span));
        Ok(Some(st(start.to(end), StmtKind::Match { subject, cases })))
    }

    /// `case patterns [if guard]: block`.
    fn case_block(&mut self) -> PResult<MatchCase> {
        let start = self.advance();
        self.reset_height();
        let pattern = self.top_pattern()?;
        let guard = if self.eat_kw("if") {
            Some(self.named_expression()?)
        } else {
            None
        };
        self.colon_before_newline()?;
        let body = self.block("'case' statement", start.line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    /// patterns: an open sequence `a, *b` or a single pattern.
    fn top_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(",") {
            if matches!(first.kind, PatternKind::Star(_)) {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.at_op(":") || self.at_kw("if") {
                break;
            }
            items.push(self.maybe_star_pattern()?);
        }
        Ok(pat(
            start.to(self.prev_span()),
            PatternKind::Sequence(items),
        ))
    }

    /// pattern: `or_pattern ['as' NAME]`.
    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let p = self.or_pattern()?;
        if !self.eat_kw("as") {
            return Ok(p);
        }
        let name = match self.tok().clone() {
            Tok::Name(n) if &*n == "_" => {
                let s = self.span();
                return Err(self.err_at(s, "cannot use '_' as a target"));
            }
            Tok::Name(n)
                if !is_keyword(&n) && !matches!(self.tok_at(1), Tok::Op("." | "(" | "=")) =>
            {
                self.advance();
                n
            }
            // CPython: a dotted name is plain invalid syntax, any other
            // expression an invalid target.
            Tok::Name(n) if !is_keyword(&n) => return Err(self.invalid()),
            _ => {
                let s = self.span();
                return Err(self.err_at(s, "invalid pattern target"));
            }
        };
        let kind = PatternKind::As {
            pattern: Some(Box::new(p)),
            name: Some(name),
        };
        Ok(pat(start.to(self.prev_span()), kind))
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        let first = self.closed_pattern()?;
        if !self.at_op("|") {
            return Ok(first);
        }
        let mut alts = vec![first];
        while self.eat_op("|") {
            alts.push(self.closed_pattern()?);
        }
        Ok(pat(start.to(self.prev_span()), PatternKind::Or(alts)))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if !self.at_op("*") {
            return self.pattern();
        }
        let start = self.advance();
        let name = self.capture_name()?;
        Ok(pat(start.to(self.prev_span()), PatternKind::Star(name)))
    }

    /// A capture target after `*` or `**`: `None` for `_`.
    fn capture_name(&mut self) -> PResult<Option<Name>> {
        match self.tok().clone() {
            Tok::Name(n)
                if !is_keyword(&n) && !matches!(self.tok_at(1), Tok::Op("." | "(" | "=")) =>
            {
                self.advance();
                Ok((&*n != "_").then_some(n))
            }
            _ => Err(self.invalid()),
        }
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.span();
        match self.tok().clone() {
            Tok::Op("(") => self.paren_pattern(),
            Tok::Op("[") => {
                self.advance();
                let items = self.pattern_items("]")?;
                let span = start.to(self.expect_op("]")?);
                Ok(pat(span, PatternKind::Sequence(items)))
            }
            Tok::Op("{") => self.mapping_pattern(),
            Tok::Name(n) if matches!(&*n, "None" | "True" | "False") => {
                self.advance();
                let c = match &*n {
                    "None" => Constant::None,
                    "True" => Constant::True,
                    _ => Constant::False,
                };
                Ok(pat(start, PatternKind::Singleton(c)))
            }
            Tok::Name(n) if !is_keyword(&n) => {
                let target = self.name_or_attr()?;
                if self.at_op("(") {
                    return self.class_pattern(target);
                }
                let span = target.span;
                match target.kind {
                    ExprKind::Name { id, .. } => {
                        let name = (&*id != "_").then_some(id);
                        let kind = PatternKind::As {
                            pattern: None,
                            name,
                        };
                        Ok(pat(span, kind))
                    }
                    _ => Ok(pat(span, PatternKind::Value(target))),
                }
            }
            _ => {
                let e = self.literal_expr()?;
                Ok(pat(e.span, PatternKind::Value(e)))
            }
        }
    }

    /// `(p)` is a group; `()`, `(p,)` and `(p, q)` are sequences.
    fn paren_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance();
        if self.at_op(")") {
            let span = start.to(self.advance());
            return Ok(pat(span, PatternKind::Sequence(Vec::new())));
        }
        let first = self.maybe_star_pattern()?;
        if self.at_op(")") && !matches!(first.kind, PatternKind::Star(_)) {
            self.advance();
            return Ok(first);
        }
        if !self.eat_op(",") {
            return Err(self.invalid());
        }
        let mut items = vec![first];
        items.extend(self.pattern_items(")")?);
        let span = start.to(self.expect_op(")")?);
        Ok(pat(span, PatternKind::Sequence(items)))
    }

    /// `p, *q, r` up to (not including) `close`, trailing comma allowed.
    fn pattern_items(&mut self, close: &str) -> PResult<Vec<Pattern>> {
        let mut items = Vec::new();
        while !self.at_op(close) {
            items.push(self.maybe_star_pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(items)
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.advance();
        let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
        while !self.at_op("}") {
            if self.eat_op("**") {
                match self.capture_name()? {
                    Some(n) => rest = Some(n),
                    None => return Err(self.invalid()),
                }
                self.eat_op(",");
                break;
            }
            let key = match self.tok() {
                Tok::Name(n) if !is_keyword(n) => {
                    let e = self.name_or_attr()?;
                    if matches!(e.kind, ExprKind::Name { .. }) {
                        return Err(self.invalid());
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            self.expect_op(":")?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(",") {
                break;
            }
        }
        let span = start.to(self.expect_op("}")?);
        let kind = PatternKind::Mapping {
            keys,
            patterns,
            rest,
        };
        Ok(pat(span, kind))
    }

    /// `Cls(p, q, attr=r)`: positional sub-patterns first.
    fn class_pattern(&mut self, cls: Expr) -> PResult<Pattern> {
        self.advance();
        let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
        let mut kw_span: Option<Span> = None;
        while !self.at_op(")") {
            let keyword = matches!(self.tok(), Tok::Name(n) if !is_keyword(n))
                && matches!(self.tok_at(1), Tok::Op("="));
            if keyword {
                let (name, s) = self.name()?;
                self.advance();
                kwd_attrs.push(name);
                let p = self.pattern()?;
                kw_span.get_or_insert(s);
                kwd_patterns.push(p);
            } else {
                let p = self.pattern()?;
                if kw_span.is_some() {
                    let s = p.span;
                    return Err(self.err_at(s, "positional patterns follow keyword patterns"));
                }
                patterns.push(p);
            }
            if !self.eat_op(",") {
                break;
            }
        }
        let span = cls.span.to(self.expect_op(")")?);
        let kind = PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        };
        Ok(pat(span, kind))
    }

    /// name_or_attr: `NAME ('.' NAME)*`.
    fn name_or_attr(&mut self) -> PResult<Expr> {
        let (id, s) = self.name()?;
        let mut e = mk(s, ExprKind::Name { id, ctx: Ctx::Load });
        while self.eat_op(".") {
            self.grow()?;
            let (attr, s2) = self.name()?;
            let span = e.span.to(s2);
            let value = Box::new(e);
            e = mk(
                span,
                ExprKind::Attribute {
                    value,
                    attr,
                    ctx: Ctx::Load,
                },
            );
        }
        Ok(e)
    }

    /// A literal pattern's value: strings, a signed number, or a complex
    /// literal `real ± imag`.
    fn literal_expr(&mut self) -> PResult<Expr> {
        if let Tok::Name(n) = self.tok() {
            let c = match &**n {
                "None" => Constant::None,
                "True" => Constant::True,
                "False" => Constant::False,
                _ => return Err(self.invalid()),
            };
            let s = self.advance();
            return Ok(mk(s, ExprKind::Constant(c)));
        }
        if let Tok::Str(_) = self.tok() {
            let e = self.strings()?;
            if matches!(e.kind, ExprKind::JoinedStr(_)) {
                let s = e.span;
                return Err(
                    self.err_at(s, "patterns may only match literals and attribute lookups")
                );
            }
            return Ok(e);
        }
        let real = self.signed_number()?;
        let op = match self.tok() {
            Tok::Op("+") => BinOp::Add,
            Tok::Op("-") => BinOp::Sub,
            _ => return Ok(real),
        };
        self.advance();
        let imag = self.simple_atom_number()?;
        let real_ok = match &real.kind {
            ExprKind::Constant(c) => !matches!(c, Constant::Complex(_)),
            ExprKind::UnaryOp { operand, .. } => {
                !matches!(operand.kind, ExprKind::Constant(Constant::Complex(_)))
            }
            _ => false,
        };
        if !real_ok {
            let s = real.span;
            return Err(self.err_at(s, "real number required in complex literal"));
        }
        if !matches!(imag.kind, ExprKind::Constant(Constant::Complex(_))) {
            let s = imag.span;
            return Err(self.err_at(s, "imaginary number required in complex literal"));
        }
        let span = real.span.to(imag.span);
        let kind = ExprKind::BinOp {
            left: Box::new(real),
            op,
            right: Box::new(imag),
        };
        Ok(mk(span, kind))
    }

    /// signed_number: `NUMBER | '-' NUMBER`.
    fn signed_number(&mut self) -> PResult<Expr> {
        if !self.at_op("-") {
            return self.simple_atom_number();
        }
        let start = self.advance();
        let operand = self.simple_atom_number()?;
        let span = start.to(operand.span);
        let kind = ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand: Box::new(operand),
        };
        Ok(mk(span, kind))
    }

    fn simple_atom_number(&mut self) -> PResult<Expr> {
        match self.tok() {
            Tok::Int(..) | Tok::Float(_) | Tok::Imag(_) => self.simple_atom(),
            _ => Err(self.invalid()),
        }
    }
}
