//! Bracketed displays (tuples, lists, dicts, sets, comprehensions),
//! assignment-target lists and `yield`.

use super::expr::{mk, P_BOR, P_OR};
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::Tok;
use std::rc::Rc;

impl<'a> Parser<'a> {
    pub(super) fn paren(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.at_op(")") || self.at_kw("yield") || self.at_op("**") {
            return self.paren_special(open);
        }
        let first = self.star_named_expression()?;
        self.paren_rest(open, first)
    }
    /// `()` and `(yield ...)`.
    #[inline(never)]
    pub(super) fn paren_special(&mut self, open: Span) -> PResult<Expr> {
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
        if self.at_op("**") {
            // CPython's invalid_group: `(**x)`.
            let star = self.advance();
            let save_max = self.max_pos.get();
            let ok = self.expression().is_ok() && self.at_op(")");
            if ok {
                return Err(self.err_at(star, "cannot use double starred expression here"));
            }
            self.max_pos.set(save_max);
            return Err(self.invalid());
        }
        let e = self.yield_expr()?;
        self.expect_op(")")?;
        Ok(e)
    }
    /// After the first item: a group, a tuple or a generator expression.
    #[inline(never)]
    pub(super) fn paren_rest(&mut self, open: Span, first: Expr) -> PResult<Expr> {
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
    pub(super) fn list(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.at_op("]") {
            return self.list_rest(open, None);
        }
        let first = self.star_named_expression()?;
        self.list_rest(open, Some(first))
    }
    #[inline(never)]
    pub(super) fn list_rest(&mut self, open: Span, first: Option<Expr>) -> PResult<Expr> {
        let mut elts = Vec::new();
        if let Some(first) = first {
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
    #[inline(never)]
    pub(super) fn dict_value(&mut self) -> PResult<Expr> {
        if self.speculating == 0 {
            if self.at_op("}") || self.at_op(",") {
                let colon = self.prev_span();
                return Err(self.err_at(colon, "expression expected after dictionary key and ':'"));
            }
            if self.at_op("*") {
                let star = self.span();
                let operand = self.toks[(self.pos + 1).min(self.toks.len() - 1)].span;
                return Err(self.err_range(
                    star,
                    operand,
                    "cannot use a starred expression in a dictionary value",
                ));
            }
        }
        self.expression()
    }
    pub(super) fn brace(&mut self) -> PResult<Expr> {
        let open = self.advance();
        if self.at_op("}") || self.at_op("**") {
            return self.dict_items(open, None);
        }
        let k = self.star_named_expression()?;
        if self.at_op(":") {
            return self.dict_items(open, Some(k));
        }
        self.set_items(open, k)
    }
    /// A dict display or comprehension; `first_key` is the key already
    /// parsed when the first item is `k: v`.
    #[inline(never)]
    pub(super) fn dict_items(&mut self, open: Span, first_key: Option<Expr>) -> PResult<Expr> {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        if let Some(k) = first_key {
            self.advance();
            let v = self.dict_value()?;
            if self.at_kw("for") || self.at_kw("async") {
                let generators = self.comprehension_clauses()?;
                let close = self.expect_op("}")?;
                return Ok(mk(
                    open.to(close),
                    ExprKind::DictComp {
                        key: Rc::new(k),
                        value: Rc::new(v),
                        generators: generators.into(),
                    },
                ));
            }
            keys.push(Some(k));
            values.push(v);
            if !self.eat_op(",") {
                let close = self.expect_op("}")?;
                return Ok(mk(open.to(close), ExprKind::Dict { keys, values }));
            }
        }
        while !self.at_op("}") {
            if self.eat_op("**") {
                keys.push(None);
                values.push(self.binary(P_BOR)?);
            } else {
                let k = self.expression()?;
                if !self.at_op(":") {
                    if self.speculating > 0 || keys.is_empty() {
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
            if !self.eat_op(",") {
                break;
            }
        }
        let close = self.expect_op("}")?;
        Ok(mk(open.to(close), ExprKind::Dict { keys, values }))
    }
    #[inline(never)]
    pub(super) fn set_items(&mut self, open: Span, first: Expr) -> PResult<Expr> {
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
    /// One or more `for ... in ... [if ...]` clauses.
    #[inline(never)]
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
    #[cold]
    #[inline(never)]
    pub fn invalid_for_target(&mut self, at: usize) -> Box<crate::parse::errors::SyntaxError> {
        if self.speculating > 0 {
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
    pub(super) fn target_operand(&mut self) -> PResult<Expr> {
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
    /// `yield`, `yield x, y`, `yield from x`.
    #[inline(never)]
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
