//! Compound statements and their indented blocks.

use super::stmt::st;
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::errors::{SyntaxError, SyntaxErrorKind};
use crate::parse::tokens::Tok;
use std::rc::Rc;

impl<'a> Parser<'a> {
    /// A block after `:`: an indented suite or statements on the same line.
    /// `what` names the header for CPython's IndentationError message.
    pub(super) fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if *self.tok() != Tok::Newline {
            self.simple_stmts(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if *self.tok() != Tok::Indent {
            return Err(self.missing_block(what, line));
        }
        self.advance();
        while !matches!(self.tok(), Tok::Dedent | Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        self.eat_dedent();
        Ok(body)
    }

    /// CPython's "expected an indented block after ..." at the current token.
    #[cold]
    #[inline(never)]
    pub(super) fn missing_block(&mut self, what: &str, line: u32) -> Box<SyntaxError> {
        if *self.tok() == Tok::Error {
            return self.invalid();
        }
        let s = self.span();
        let end = if matches!(self.tok(), Tok::EndMarker | Tok::Dedent) {
            0
        } else {
            s.end_col + 1
        };
        Box::new(
            SyntaxError::new(
                SyntaxErrorKind::IndentationError,
                format!("expected an indented block after {} on line {}", what, line),
                s.line,
                s.col + 1,
            )
            .with_end(s.line, end)
            .with_text_from(self.src),
        )
    }

    pub(super) fn eat_dedent(&mut self) {
        if *self.tok() == Tok::Dedent {
            self.advance();
        }
    }
    pub(super) fn end_of(body: &[Stmt], default: Span) -> Span {
        body.last().map_or(default, |s| s.span)
    }
    /// `:` that CPython reports as "expected ':'" only before a NEWLINE.
    pub(super) fn colon_before_newline(&mut self) -> PResult<()> {
        if self.eat_op(":") {
            return Ok(());
        }
        if *self.tok() == Tok::Newline {
            return self.expect_colon().map(|_| ());
        }
        Err(self.invalid())
    }
    /// `if`/`while` condition with CPython's `=` vs `==` hints.
    pub(super) fn condition(&mut self) -> PResult<Expr> {
        self.named_expression()
    }
    pub(super) fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let test = self.condition()?;
        self.colon_before_newline()?;
        let body = self.block("'if' statement", start.line)?;
        let orelse = self.elif_else()?;
        let span = start.to(Self::end_of(&orelse, Self::end_of(&body, start)));
        Ok(st(span, StmtKind::If { test, body, orelse }))
    }
    pub(super) fn elif_else(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("elif") {
            let start = self.advance();
            let test = self.condition()?;
            self.colon_before_newline()?;
            let body = self.block("'elif' statement", start.line)?;
            let orelse = self.elif_else()?;
            let span = start.to(Self::end_of(&orelse, Self::end_of(&body, start)));
            return Ok(vec![st(span, StmtKind::If { test, body, orelse })]);
        }
        self.else_block()
    }
    pub(super) fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("else") {
            let s = self.advance();
            self.expect_colon()?;
            return self.block("'else' statement", s.line);
        }
        Ok(Vec::new())
    }
    pub(super) fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let test = self.condition()?;
        self.colon_before_newline()?;
        let body = self.block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        let span = start.to(Self::end_of(&orelse, Self::end_of(&body, start)));
        Ok(st(span, StmtKind::While { test, body, orelse }))
    }
    pub(super) fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let target_at = self.mark();
        let target = self.target_list("in")?;
        if !self.at_kw("in") {
            return Err(self.invalid_for_target(target_at));
        }
        self.advance();
        let iter = self.star_expressions()?;
        self.colon_before_newline()?;
        let body = self.block("'for' statement", start.line)?;
        let orelse = self.else_block()?;
        let span = start.to(Self::end_of(&orelse, Self::end_of(&body, start)));
        Ok(st(
            span,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
        ))
    }
    pub(super) fn with_item(&mut self) -> PResult<WithItem> {
        let context = self.expression()?;
        let vars = if self.eat_kw("as") {
            let t = self.target_list_item()?;
            Some(self.set_store(t, "assign to")?)
        } else {
            None
        };
        Ok(WithItem { context, vars })
    }
    pub(super) fn target_list_item(&mut self) -> PResult<Expr> {
        self.target_item()
    }
    pub(super) fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        let mut items = Vec::new();
        // Parenthesized items, `with (a as b, c):`, when the `)` is followed by `:`.
        if self.at_op("(") {
            let save = self.mark();
            self.advance();
            let mut ok = false;
            let mut parsed = Vec::new();
            while let Ok(it) = self.with_item() {
                parsed.push(it);
                if self.eat_op(",") {
                    if self.at_op(")") {
                        self.advance();
                        ok = self.at_op(":");
                        break;
                    }
                    continue;
                }
                if self.eat_op(")") {
                    ok = self.at_op(":");
                }
                break;
            }
            if ok {
                items = parsed;
            } else {
                self.reset(save);
            }
        }
        if items.is_empty() {
            loop {
                items.push(self.with_item()?);
                if !self.eat_op(",") {
                    break;
                }
            }
        }
        self.colon_before_newline()?;
        let body = self.block("'with' statement", start.line)?;
        let span = start.to(Self::end_of(&body, start));
        Ok(st(span, StmtKind::With { items, body }))
    }
    pub(super) fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance();
        self.expect_colon()?;
        let body = self.block("'try' statement", start.line)?;
        self.try_rest(start, body)
    }
    /// Handlers, `else` and `finally`: a separate frame, so that nested
    /// blocks in the `try` body do not carry this one's locals.
    #[inline(never)]
    pub(super) fn try_rest(&mut self, start: Span, body: Vec<Stmt>) -> PResult<Stmt> {
        let mut handlers = Vec::new();
        let mut star = false;
        while self.at_kw("except") {
            let hs = self.advance();
            if self.eat_op("*") {
                star = true;
            }
            let mut typ = None;
            let mut name = None;
            if !self.at_op(":") && *self.tok() != Tok::Newline {
                let t = self.expression()?;
                if self.at_op(",") {
                    let save = self.mark();
                    self.advance();
                    if let Ok(e) = self.expression() {
                        return Err(self.err_range(
                            t.span,
                            e.span,
                            "multiple exception types must be parenthesized",
                        ));
                    }
                    self.reset(save);
                }
                typ = Some(t);
                if self.eat_kw("as") {
                    name = Some(self.name()?.0);
                }
            }
            self.colon_before_newline()?;
            let hbody = self.block("'except' statement", hs.line)?;
            let span = hs.to(Self::end_of(&hbody, hs));
            handlers.push(ExceptHandler {
                span,
                typ,
                name,
                body: hbody,
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let mut finalbody = Vec::new();
        if self.at_kw("finally") {
            let fs = self.advance();
            self.expect_colon()?;
            finalbody = self.block("'finally' statement", fs.line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            if *self.tok() == Tok::Error {
                return Err(self.invalid());
            }
            let s = self.span();
            return Err(self.err_at(s, "expected 'except' or 'finally' block"));
        }
        let end = Self::end_of(
            &finalbody,
            Self::end_of(
                &orelse,
                handlers
                    .last()
                    .map_or(Self::end_of(&body, start), |h| h.span),
            ),
        );
        let span = start.to(end);
        if star {
            return Ok(st(
                span,
                StmtKind::Unsupported("except* (exception groups)"),
            ));
        }
        Ok(st(
            span,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
        ))
    }
    pub(super) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if *self.tok() != Tok::Newline {
                return Err(self.invalid());
            }
            self.advance();
        }
        if self.at_kw("def") {
            self.funcdef(decorators)
        } else if self.at_kw("class") {
            self.classdef(decorators)
        } else if self.at_kw("async") && matches!(self.tok_at(1), Tok::Name(n) if &**n == "def") {
            self.async_stmt(decorators)
        } else {
            Err(self.invalid())
        }
    }
    pub(super) fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance();
        let (mut s, what) = if self.at_kw("def") {
            (self.funcdef(decorators)?, "async functions")
        } else if self.at_kw("for") {
            (self.for_stmt()?, "async for")
        } else if self.at_kw("with") {
            (self.with_stmt()?, "async with")
        } else {
            return Err(self.invalid());
        };
        s.span = start.to(s.span);
        s.kind = StmtKind::Unsupported(what);
        Ok(s)
    }
    pub(super) fn funcdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance();
        let (name, name_span) = self.name()?;
        if !self.at_op("(") {
            let s = self.span();
            return Err(self.err_at(s, "expected '('"));
        }
        self.advance();
        let args = self.parameters(true, ")")?;
        self.expect_op(")")?;
        if self.at_op("->") && !super::expr::starts_expr(self.tok_at(1)) {
            // CPython's forced ':' after an unparsable return annotation.
            let s = self.span();
            return Err(self.err_at(s, "expected ':'"));
        }
        let returns = if self.eat_op("->") {
            Some(self.expression()?)
        } else {
            None
        };
        self.expect_colon()?;
        let body = self.block("function definition", start.line)?;
        let span = start.to(Self::end_of(&body, start));
        let f = FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            name_span,
        };
        Ok(st(span, StmtKind::FunctionDef(Rc::new(f))))
    }
    pub(super) fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let start = self.advance();
        let (name, name_span) = self.name()?;
        let (mut bases, mut keywords) = (Vec::new(), Vec::new());
        if self.at_op("(") {
            // Reuse call-argument parsing on a synthetic call.
            let call = self.primary_call_args()?;
            bases = call.0;
            keywords = call.1;
        }
        self.colon_before_newline()?;
        let body = self.block("class definition", start.line)?;
        let span = start.to(Self::end_of(&body, start));
        let c = ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            name_span,
        };
        Ok(st(span, StmtKind::ClassDef(Rc::new(c))))
    }
}
