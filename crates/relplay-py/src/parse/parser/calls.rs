//! Call arguments and subscripts (trailers of a primary).

use super::expr::mk;
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::{is_keyword, Tok};
use std::rc::Rc;

#[derive(Default)]
pub(super) struct CallArgs {
    args: Vec<Expr>,
    keywords: Vec<Keyword>,
    seen_kwunpack: bool,
}

impl<'a> Parser<'a> {
    #[inline(never)]
    pub(super) fn call_trailer(&mut self, start: Span, e: Expr) -> PResult<Expr> {
        let open = self.advance();
        let r = self.call_args(open);
        self.finish_call(start, e, r)
    }
    #[inline(never)]
    pub(super) fn finish_call(
        &mut self,
        start: Span,
        e: Expr,
        r: PResult<(Vec<Expr>, Vec<Keyword>)>,
    ) -> PResult<Expr> {
        let (args, keywords) = r?;
        let close = self.expect_op(")")?;
        Ok(mk(
            start.to(close),
            ExprKind::Call {
                func: Box::new(e),
                args,
                keywords,
            },
        ))
    }
    #[inline(never)]
    pub(super) fn subscript_trailer(&mut self, start: Span, e: Expr) -> PResult<Expr> {
        self.advance();
        let r = self.slices();
        self.finish_subscript(start, e, r)
    }
    #[inline(never)]
    pub(super) fn finish_subscript(
        &mut self,
        start: Span,
        e: Expr,
        r: PResult<Expr>,
    ) -> PResult<Expr> {
        let slice = r?;
        let close = self.expect_op("]")?;
        Ok(mk(
            start.to(close),
            ExprKind::Subscript {
                value: Box::new(e),
                slice: Box::new(slice),
                ctx: Ctx::Load,
            },
        ))
    }
    pub(super) fn slices(&mut self) -> PResult<Expr> {
        let start = self.span();
        let first = self.slice()?;
        if !self.at_op(",") && !matches!(first.kind, ExprKind::Starred { .. }) {
            return Ok(first);
        }
        self.slices_rest(start, first)
    }
    /// `a[x, y]` and `a[*b]`: the subscript is a tuple.
    #[inline(never)]
    pub(super) fn slices_rest(&mut self, start: Span, first: Expr) -> PResult<Expr> {
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
    pub(super) fn slice(&mut self) -> PResult<Expr> {
        if self.at_op("*") {
            return self.star_expression();
        }
        let start = self.span();
        if self.at_op(":") {
            return self.slice_rest(start, None);
        }
        let lower = self.named_expression()?;
        if !self.at_op(":") {
            return Ok(lower);
        }
        self.slice_rest(start, Some(lower))
    }
    /// `lower:upper:step` from the first `:`.
    #[inline(never)]
    pub(super) fn slice_rest(&mut self, start: Span, lower: Option<Expr>) -> PResult<Expr> {
        self.advance();
        let upper = if self.at_expr_start() {
            Some(self.expression())
        } else {
            None
        };
        self.slice_step(start, lower, upper)
    }
    #[inline(never)]
    pub(super) fn slice_step(
        &mut self,
        start: Span,
        lower: Option<Expr>,
        upper: Option<PResult<Expr>>,
    ) -> PResult<Expr> {
        let upper = match upper {
            Some(u) => Some(Box::new(u?)),
            None => None,
        };
        let mut step = None;
        if self.eat_op(":") && self.at_expr_start() {
            step = Some(Box::new(self.expression()?));
        }
        let span = start.to(self.prev_span());
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
        let mut acc = CallArgs::default();
        while !self.at_op(")") {
            self.call_arg(open, &mut acc)?;
            if !self.eat_op(",") {
                break;
            }
        }
        Ok((acc.args, acc.keywords))
    }
    pub(super) fn call_arg(&mut self, open: Span, acc: &mut CallArgs) -> PResult<()> {
        if self.at_op("**") || self.at_op("*") {
            return self.star_arg(acc);
        }
        let name_like = match self.tok() {
            Tok::Name(n) => !is_keyword(n) || matches!(&**n, "True" | "False" | "None"),
            _ => false,
        };
        if name_like && matches!(self.tok_at(1), Tok::Op("=")) {
            return self.keyword_arg(acc);
        }
        self.call_arg_next = true;
        let e = self.named_expression()?;
        self.positional_arg(open, e, acc)
    }
    #[inline(never)]
    pub(super) fn star_arg(&mut self, acc: &mut CallArgs) -> PResult<()> {
        if self.at_op("**") {
            let s = self.advance();
            let value = self.expression()?;
            acc.keywords.push(Keyword {
                arg: None,
                span: s.to(self.prev_span()),
                value,
            });
            acc.seen_kwunpack = true;
            return Ok(());
        }
        if !acc.keywords.is_empty() && matches!(self.tok_at(1), Tok::Op(")" | ",")) {
            let s = self.span();
            return Err(self.err_at(
                s,
                "iterable argument unpacking follows keyword argument unpacking",
            ));
        }
        // In calls `*` takes a whole expression (`f(*a or b)`).
        let star = self.advance();
        let value = self.expression()?;
        let e = mk(
            star.to(self.prev_span()),
            ExprKind::Starred {
                value: Box::new(value),
                ctx: Ctx::Load,
            },
        );
        if acc.seen_kwunpack {
            return Err(self.err_at(
                star,
                "iterable argument unpacking follows keyword argument unpacking",
            ));
        }
        acc.args.push(e);
        Ok(())
    }
    /// `name=value`, or CPython's error for `True=...`.
    #[inline(never)]
    pub(super) fn keyword_arg(&mut self, acc: &mut CallArgs) -> PResult<()> {
        if matches!(self.tok(), Tok::Name(n) if matches!(&**n, "True" | "False" | "None")) {
            let s = self.span();
            let eq = self.toks[(self.pos + 1).min(self.toks.len() - 1)].span;
            let msg = format!(
                "cannot assign to {}",
                &self.src[s.start as usize..s.end as usize]
            );
            return Err(self.err_range(s, eq, msg));
        }
        let (arg, s) = self.name()?;
        self.advance();
        let value = self.expression()?;
        acc.keywords.push(Keyword {
            arg: Some(arg),
            span: s.to(self.prev_span()),
            value,
        });
        Ok(())
    }
    #[inline(never)]
    pub(super) fn positional_arg(
        &mut self,
        open: Span,
        e: Expr,
        acc: &mut CallArgs,
    ) -> PResult<()> {
        if self.at_kw("for") || self.at_kw("async") {
            let elt_span = e.span;
            let generators = self.comprehension_clauses()?;
            let close = self.span();
            if !acc.args.is_empty() || !acc.keywords.is_empty() || self.at_op(",") {
                let last = self.prev_span();
                return Err(self.err_range(
                    elt_span,
                    last,
                    "Generator expression must be parenthesized",
                ));
            }
            acc.args.push(mk(
                open.to(close),
                ExprKind::GeneratorExp {
                    elt: Rc::new(e),
                    generators: generators.into(),
                },
            ));
            return Ok(());
        }
        if self.at_op("=") {
            let s = e.span;
            return Err(self.err_range(
                s,
                self.span(),
                "expression cannot contain assignment, perhaps you meant \"==\"?",
            ));
        }
        if !acc.keywords.is_empty() {
            let msg = if acc.seen_kwunpack {
                "positional argument follows keyword argument unpacking"
            } else {
                "positional argument follows keyword argument"
            };
            let s = self.span();
            return Err(self.err_at(s, msg));
        }
        acc.args.push(e);
        Ok(())
    }
}
