//! Parameter lists of `def` and `lambda`.

use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::tokens::Tok;

impl<'a> Parser<'a> {
    /// Parameters up to (not including) `close` (`)` or `:`); annotations
    /// only for `def`.
    pub fn parameters(&mut self, annotations: bool, close: &str) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_default = false;
        let mut star = false; // after `*` or `*args`
        let mut bare_star: Option<Span> = None;
        while !self.at_op(close) {
            if self.at_op("/") {
                let s = self.advance();
                if star || !a.posonly.is_empty() {
                    let msg = if star {
                        "/ must be ahead of *"
                    } else {
                        "/ may appear only once"
                    };
                    return Err(self.err_at(s, msg));
                }
                if a.args.is_empty() {
                    self.reset(self.mark() - 1);
                    return Err(self.invalid());
                }
                a.posonly = std::mem::take(&mut a.args);
            } else if self.at_op("**") {
                self.advance();
                let arg = self.param(annotations, false)?;
                a.kwarg = Some(arg);
                self.eat_op(",");
                if !self.at_op(close) {
                    let s = self.span();
                    if let Tok::Name(_) | Tok::Op("*" | "**" | "/") = self.tok() {
                        return Err(self.err_at(s, "arguments cannot follow var-keyword argument"));
                    }
                    return Err(self.invalid());
                }
                break;
            } else if self.at_op("*") {
                let s = self.advance();
                if star {
                    return Err(self.err_at(s, "* argument may appear only once"));
                }
                star = true;
                if self.at_op(",") || self.at_op(close) {
                    bare_star = Some(s);
                } else {
                    a.vararg = Some(self.param(annotations, false)?);
                }
            } else {
                let arg = self.param(annotations, true)?;
                if star {
                    a.kwonly.push(arg);
                } else {
                    if arg.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return Err(
                            self.err_at(arg.span, "non-default argument follows default argument")
                        );
                    }
                    a.args.push(arg);
                }
            }
            if !self.eat_op(",") {
                break;
            }
        }
        if let Some(s) = bare_star {
            if a.kwonly.is_empty() {
                return Err(self.err_at(s, "named arguments must follow bare *"));
            }
        }
        Ok(a)
    }

    fn param(&mut self, annotations: bool, allow_default: bool) -> PResult<Arg> {
        let (name, s) = self.name()?;
        let mut span = s;
        let annotation = if annotations && self.eat_op(":") {
            // `*args: *Ts` (PEP 646) is valid 3.11; only *args gets here
            // with a star, since `allow_default` is false for it.
            let e = if !allow_default && self.at_op("*") {
                self.star_expression()?
            } else {
                self.expression()?
            };
            span = span.to(e.span);
            Some(e)
        } else {
            None
        };
        let default = if allow_default && self.at_op("=") {
            let eq = self.advance();
            if self.at_op(")") || self.at_op(",") || self.at_op(":") {
                return Err(self.err_at(eq, "expected default value expression"));
            }
            Some(self.expression()?)
        } else {
            None
        };
        Ok(Arg {
            name,
            annotation,
            default,
            span,
        })
    }

    /// `( arguments )` of a class header.
    pub fn primary_call_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let open = self.advance();
        let r = self.call_args(open)?;
        self.expect_op(")")?;
        Ok(r)
    }
}
