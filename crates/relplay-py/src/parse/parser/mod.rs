//! Recursive-descent parser over the token vector.
//!
//! Error reporting mimics CPython's PEG parser: a generic `invalid syntax`
//! points at the farthest token looked at, and a few targeted checks
//! (CPython's `invalid_*` rules) produce the friendlier messages.

mod calls;
mod compound;
mod displays;
mod expr;
mod params;
mod patterns;
mod stmt;
mod strings;
mod targets;

use super::errors::{SyntaxError, SyntaxErrorKind};
use super::lexer::LexError;
use super::tokens::{is_keyword, Tok, Token};
use crate::ast::{Name, Span};
use std::cell::Cell;

pub(crate) type PResult<T> = Result<T, Box<SyntaxError>>;

/// Expression recursion budget: one unit per bracket, f-string, lambda,
/// conditional, unary or `**` level. A unit costs up to ~8 KB of stack in
/// a debug build and ~3 KB in release, so 80 units plus 99 nested blocks
/// (the tokenizer's indentation limit, ~8 KB / 2 KB each) stay within a
/// 2 MB debug test thread and well within wasm's 1 MB. CPython allows 200
/// brackets; learner code never comes close.
const MAX_DEPTH: u32 = 80;
const MAX_HEIGHT: u32 = 1000;

pub(crate) struct Parser<'a> {
    pub src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    /// Farthest token index examined: where CPython reports `invalid syntax`.
    max_pos: Cell<usize>,
    /// Farthest token examined including speculative parses.
    max_all: Cell<usize>,
    /// Depth of speculative parses for diagnostics; diagnostics are off
    /// inside them.
    speculating: u32,
    /// The next `named_expression` is a call argument.
    call_arg_next: bool,
    /// The error is CPython's "unexpected indent"/"unindent", which it
    /// reports without looking at the rest of the file.
    indent_error: Cell<bool>,
    /// Set once the tokenizer's error token has been looked at.
    saw_error_token: Cell<bool>,
    lex_err: Option<LexError>,
    /// Set when the parser reached the tokenizer's error token.
    pub hit_lex_error: bool,
    depth: u32,
    /// Height of the expression trees built so far in the current
    /// statement (see [`Parser::grow`]).
    hmax: u32,
    /// Prefix for messages from inside f-string fields (`f-string: ...`).
    pub fstring: bool,
}

impl<'a> Parser<'a> {
    pub fn new(src: &'a str, toks: Vec<Token>, lex_err: Option<LexError>) -> Self {
        Parser {
            src,
            toks,
            pos: 0,
            max_pos: Cell::new(0),
            saw_error_token: Cell::new(false),
            max_all: Cell::new(0),
            speculating: 0,
            call_arg_next: false,
            indent_error: Cell::new(false),
            lex_err,
            hit_lex_error: false,
            depth: 0,
            hmax: 0,
            fstring: false,
        }
    }

    fn touch(&self, i: usize) {
        if self.toks[i.min(self.toks.len() - 1)].tok == Tok::Error {
            self.saw_error_token.set(true);
        }
        if i > self.max_pos.get() {
            self.max_pos.set(i);
        }
    }

    pub fn tok(&self) -> &Tok {
        self.touch(self.pos);
        &self.toks[self.pos.min(self.toks.len() - 1)].tok
    }

    pub fn tok_at(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        self.touch(i);
        &self.toks[i].tok
    }

    pub fn span(&self) -> Span {
        self.toks[self.pos.min(self.toks.len() - 1)].span
    }

    /// Span of the previously consumed token.
    pub fn prev_span(&self) -> Span {
        self.toks[self.pos.saturating_sub(1)].span
    }

    pub fn mark(&self) -> usize {
        self.pos
    }

    pub fn reset(&mut self, pos: usize) {
        self.pos = pos;
    }

    pub fn advance(&mut self) -> Span {
        let s = self.span();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        s
    }

    pub fn at_op(&self, op: &str) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    pub fn at_kw(&self, kw: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if &**n == kw)
    }

    pub fn eat_op(&mut self, op: &str) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub fn expect_op(&mut self, op: &str) -> PResult<Span> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    /// CPython's forced `&&':'` in compound statement headers.
    pub fn expect_colon(&mut self) -> PResult<Span> {
        if self.at_op(":") {
            return Ok(self.advance());
        }
        if let Some(e) = self.check_lex_error() {
            return Err(e);
        }
        let s = self.span();
        Err(self.err_at(s, "expected ':'"))
    }

    pub fn expect_kw(&mut self, kw: &str) -> PResult<Span> {
        if self.at_kw(kw) {
            Ok(self.advance())
        } else {
            Err(self.invalid())
        }
    }

    /// A non-keyword identifier.
    pub fn at_name(&self) -> bool {
        matches!(self.tok(), Tok::Name(n) if !is_keyword(n))
    }

    pub fn name(&mut self) -> PResult<(Name, Span)> {
        match self.tok().clone() {
            Tok::Name(n) if !is_keyword(&n) => Ok((n, self.advance())),
            _ => Err(self.invalid()),
        }
    }

    #[cold]
    #[inline(never)]
    fn check_lex_error(&mut self) -> Option<Box<SyntaxError>> {
        let i = self.max_pos.get().min(self.toks.len() - 1);
        if self.toks[i].tok == Tok::Error
            || self.toks[self.pos.min(self.toks.len() - 1)].tok == Tok::Error
        {
            if let Some(le) = &self.lex_err {
                self.hit_lex_error = true;
                return Some(Box::new(le.err.clone()));
            }
        }
        None
    }

    #[cold]
    #[inline(never)]
    pub fn err_at(&self, span: Span, msg: impl Into<String>) -> Box<SyntaxError> {
        self.err_range(span, span, msg)
    }

    #[cold]
    #[inline(never)]
    pub fn err_range(&self, a: Span, b: Span, msg: impl Into<String>) -> Box<SyntaxError> {
        let mut msg = msg.into();
        if self.fstring {
            msg = format!("f-string: {}", msg);
        }
        Box::new(
            SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, a.line, a.col + 1)
                .with_end(b.end_line, b.end_col + 1)
                .with_text_from(self.src),
        )
    }

    /// CPython's generic error: `invalid syntax` at the farthest token
    /// examined (or an indentation error if that token is INDENT/DEDENT).
    #[cold]
    #[inline(never)]
    pub fn invalid(&mut self) -> Box<SyntaxError> {
        if let Some(e) = self.check_lex_error() {
            return e;
        }
        let i = self.max_pos.get().min(self.toks.len() - 1);
        let t = &self.toks[i];
        if matches!(t.tok, Tok::Indent | Tok::Dedent) && self.speculating == 0 {
            self.indent_error.set(true);
        }
        match t.tok {
            Tok::Indent => Box::new(
                SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "unexpected indent",
                    t.span.line,
                    t.span.col,
                )
                .with_end(t.span.line, 0)
                .with_text_from(self.src),
            ),
            Tok::Dedent if i + 1 < self.toks.len() && self.toks[i + 1].tok != Tok::EndMarker => {
                Box::new(
                    SyntaxError::new(
                        SyntaxErrorKind::IndentationError,
                        "unexpected unindent",
                        t.span.line,
                        t.span.col,
                    )
                    .with_end(t.span.line, 0)
                    .with_text_from(self.src),
                )
            }
            Tok::EndMarker => {
                // CPython's ENDMARKER has no column: offset 0.
                let mut e = self.err_range(t.span, t.span, "invalid syntax");
                e.col = 0;
                e.end_col = 0;
                e
            }
            _ => {
                let s = t.span;
                self.err_range(s, s, "invalid syntax")
            }
        }
    }

    pub fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.too_deep(true));
        }
        Ok(())
    }

    /// Records one more level of a left-deep chain (`a + b + ...`,
    /// `a.b.c...`), which the recursion budget does not see. Bounding the
    /// tree height keeps every recursive consumer of the AST (including
    /// `Drop`) within the stack; CPython gives up on such chains a little
    /// beyond 1000 too (RecursionError during compilation).
    pub fn grow(&mut self) -> PResult<()> {
        self.hmax += 1;
        if self.hmax > MAX_HEIGHT {
            return Err(self.too_deep(false));
        }
        Ok(())
    }

    pub fn reset_height(&mut self) {
        self.hmax = 0;
    }

    #[cold]
    #[inline(never)]
    fn too_deep(&self, nesting: bool) -> Box<SyntaxError> {
        let s = self.span();
        let msg = match self.tok() {
            Tok::Op("(" | "[" | "{") if nesting => "too many nested parentheses",
            _ => "expression nesting too deep",
        };
        self.err_at(s, msg)
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }
}

impl<'a> Parser<'a> {
    /// Chooses between a parser error and the tokenizer's, as CPython does:
    /// reaching the error token, or a tokenizer error anywhere in the file,
    /// wins; an unclosed bracket wins over errors on later lines.
    pub fn finalize_error(&self, e: SyntaxError) -> SyntaxError {
        if let Some(le) = &self.lex_err {
            if self.hit_lex_error || self.saw_error_token.get() {
                return le.err.clone();
            }
            if self.indent_error.get() && e.kind == SyntaxErrorKind::IndentationError {
                return e;
            }
            if le.overrides_parser {
                return le.err.clone();
            }
            if let Some((_, line, _)) = le.unclosed {
                // CPython compares with the line of the last token read.
                let far = self.max_pos.get().max(self.max_all.get());
                let last = self.toks[far.min(self.toks.len() - 1)].span.line;
                if last.max(e.line) > line {
                    return le.err.clone();
                }
            }
        }
        e
    }
}
