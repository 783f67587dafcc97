//! The tokenizer: source text → tokens with INDENT/DEDENT, following
//! CPython 3.11's `tokenizer.c` closely enough that errors carry the same
//! messages and locations.
//!
//! It tokenizes eagerly. On an error it appends an [`Tok::Error`] token and
//! stops; the parser reports the error when it reaches that token, or
//! earlier when CPython would (see [`LexError::overrides_parser`]).

use super::errors::{SyntaxError, SyntaxErrorKind};
use super::tokens::{StrTok, Tok, Token};
use crate::ast::Span;
use std::rc::Rc;

/// CPython's MAXLEVEL (bracket nesting) and MAXINDENT.
const MAX_PARENS: usize = 200;
const MAX_INDENT: usize = 100;

#[derive(Clone, Debug)]
pub struct LexError {
    pub err: SyntaxError,
    /// Errors CPython raises from the tokenizer itself (bad literals,
    /// characters, brackets) win over a parser error found earlier in the
    /// file, because CPython tokenizes the rest of the file after a parse
    /// failure. Indentation problems and EOF do not.
    pub overrides_parser: bool,
    /// Set for EOF inside brackets: the innermost unclosed bracket.
    pub unclosed: Option<(u8, u32, u32)>,
}

pub struct Lexed {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    pos: usize,
    end: usize,
    line: u32,
    col: u32,
    /// Byte offset where the current line starts (for error columns).
    line_start: usize,
    /// (column, column counting a tab as 1) of each indentation level.
    indents: Vec<(u32, u32)>,
    /// Open brackets: (char, line, col).
    parens: Vec<(u8, u32, u32)>,
    tokens: Vec<Token>,
    /// Lexing an f-string field: no NEWLINE/INDENT, as if inside brackets.
    inner: bool,
    /// CPython's NEWLINE token starts where a trailing comment starts.
    comment_at: Option<(usize, u32, u32)>,
}

/// Tokenizes a whole module.
pub fn tokenize(src: &str) -> Lexed {
    // A UTF-8 byte order mark is not part of the source text.
    let start = if src.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lx = Lexer::new(src, start, src.len(), 1, 0, false);
    let error = lx.run().err();
    Lexed {
        tokens: lx.tokens,
        error,
    }
}

/// Tokenizes `src[start..end]` (an f-string field) as if inside brackets,
/// with positions relative to the whole source.
pub fn tokenize_inner(src: &str, start: usize, end: usize, line: u32, col: u32) -> Lexed {
    let mut lx = Lexer::new(src, start, end, line, col, true);
    let error = lx.run().err();
    Lexed {
        tokens: lx.tokens,
        error,
    }
}

fn is_id_start(c: char) -> bool {
    c == '_' || c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic())
}

fn is_id_continue(c: char) -> bool {
    c == '_'
        || c.is_ascii_alphanumeric()
        || (!c.is_ascii() && (c.is_alphanumeric() || is_combining(c)))
}

/// Combining marks are XID_Continue but not alphanumeric; std has no
/// general-category table, so the common blocks are listed (accents,
/// Hebrew/Arabic points, Indic signs, variation selectors).
fn is_combining(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0487 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0963 | 0x0966..=0x0DFF | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x200C..=0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0xE0100..=0xE01EF)
}

/// CPython's `is_potential_identifier_char`: anything that could glue onto
/// a number to make it invalid.
fn potential_id_char(c: Option<char>) -> bool {
    matches!(c, Some(c) if c == '_' || c.is_ascii_alphanumeric() || !c.is_ascii())
}

const OPS3: &[&str] = &["**=", "//=", ">>=", "<<=", "...", "!=", "->"];
const OPS2: &[&str] = &[
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=",
];
const OPS1: &[&str] = &[
    "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",",
    ":", ".", ";", "=",
];

impl<'a> Lexer<'a> {
    fn new(src: &'a str, start: usize, end: usize, line: u32, col: u32, inner: bool) -> Self {
        Lexer {
            src,
            b: src.as_bytes(),
            pos: start,
            end,
            line,
            col,
            line_start: start - col_bytes(src, start, col),
            indents: vec![(0, 0)],
            parens: Vec::new(),
            tokens: Vec::new(),
            inner,
            comment_at: None,
        }
    }

    fn peek(&self) -> Option<char> {
        if self.pos >= self.end {
            return None;
        }
        self.src[self.pos..self.end].chars().next()
    }

    fn peek_byte(&self, n: usize) -> u8 {
        if self.pos + n < self.end {
            self.b[self.pos + n]
        } else {
            0
        }
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 0;
            self.line_start = self.pos;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn here(&self) -> (usize, u32, u32) {
        (self.pos, self.line, self.col)
    }

    fn push(&mut self, tok: Tok, start: (usize, u32, u32)) {
        let span = Span {
            start: start.0 as u32,
            end: self.pos as u32,
            line: start.1,
            col: start.2,
            end_line: self.line,
            end_col: self.col,
        };
        let level = self.parens.len() as u32 + u32::from(self.inner);
        self.tokens.push(Token { tok, span, level });
    }

    fn push_error_token(&mut self) {
        let h = self.here();
        self.push(Tok::Error, h);
    }

    /// An error at 1-based `col` on the current line.
    fn error(&mut self, msg: impl Into<String>, line: u32, col: u32, hard: bool) -> LexError {
        self.push_error_token();
        LexError {
            err: SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, line, col)
                .with_text_from(self.src),
            overrides_parser: hard,
            unclosed: None,
        }
    }

    fn indent_error(&mut self, kind: SyntaxErrorKind, msg: &str, col: u32) -> LexError {
        self.push_error_token();
        LexError {
            err: SyntaxError::new(kind, msg, self.line, col)
                .with_end(self.line, 0)
                .with_text_from(self.src),
            overrides_parser: false,
            unclosed: None,
        }
    }

    fn run(&mut self) -> Result<(), LexError> {
        let mut at_line_start = !self.inner;
        // Blank and comment-only lines produce no tokens at all.
        let mut blank = false;
        // CPython's NEWLINE token starts where a trailing comment starts.
        loop {
            if at_line_start {
                at_line_start = false;
                blank = self.indentation()?;
            }
            // Whitespace between tokens.
            while let Some(c) = self.peek() {
                if c == ' ' || c == '\t' || c == '\x0c' {
                    self.bump();
                } else {
                    break;
                }
            }
            let start = self.here();
            let Some(c) = self.peek() else {
                return self.finish();
            };
            match c {
                '#' => {
                    self.comment_at = Some(start);
                    while let Some(c) = self.peek() {
                        if c == '\n' || c == '\r' {
                            break;
                        }
                        self.bump();
                    }
                }
                '\n' | '\r' => {
                    let nl_start = self.comment_at.take().unwrap_or_else(|| self.here());
                    self.bump();
                    if c == '\r' && self.peek() == Some('\n') {
                        self.bump();
                    } else if c == '\r' {
                        // A lone CR ends a line too.
                        self.line += 1;
                        self.col = 0;
                        self.line_start = self.pos;
                    }
                    if self.inner || !self.parens.is_empty() {
                        continue;
                    }
                    if !std::mem::take(&mut blank) {
                        let span = Span {
                            start: nl_start.0 as u32,
                            end: self.pos as u32,
                            line: nl_start.1,
                            col: nl_start.2,
                            end_line: nl_start.1,
                            end_col: nl_start.2,
                        };
                        self.tokens.push(Token {
                            tok: Tok::Newline,
                            span,
                            level: 0,
                        });
                    }
                    at_line_start = true;
                }
                '\\' => {
                    self.bump();
                    let (bl, bc) = (self.line, self.col + 1);
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                            if self.pos >= self.end {
                                return Err(self.error(
                                    "unexpected EOF while parsing",
                                    bl,
                                    bc,
                                    false,
                                ));
                            }
                        }
                        Some('\r') => {
                            self.bump();
                            if self.peek() == Some('\n') {
                                self.bump();
                            }
                        }
                        None => {
                            let (l, c) = (self.line, self.col + 1);
                            return Err(self.error("unexpected EOF while parsing", l, c, false));
                        }
                        Some(_) => {
                            let (l, c) = (self.line, self.col + 1);
                            // Reported only when the parser reaches it (no PyErr in CPython).
                            let mut e = self.error(
                                "unexpected character after line continuation character",
                                l,
                                c,
                                false,
                            );
                            e.err.end_col = 0;
                            return Err(e);
                        }
                    }
                }
                '0'..='9' => self.number(start)?,
                '.' if self.peek_byte(1).is_ascii_digit() => self.number(start)?,
                '"' | '\'' => self.string(start, false, false, false)?,
                c if is_id_start(c) => self.name_or_string(start)?,
                _ => self.operator(start, c)?,
            }
        }
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT.
    /// Returns true for a blank or comment-only line.
    fn indentation(&mut self) -> Result<bool, LexError> {
        let (mut col, mut alt) = (0u32, 0u32);
        while let Some(c) = self.peek() {
            match c {
                ' ' => {
                    col += 1;
                    alt += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                '\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            None | Some('#') | Some('\n') | Some('\r') => return Ok(true),
            // CPython treats a line starting with a backslash as blank.
            Some('\\') => return Ok(true),
            _ => {}
        }
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        let start = self.here();
        if col == top {
            if alt != top_alt {
                return Err(self.indent_error(
                    SyntaxErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    1,
                ));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.indent_error(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    1,
                ));
            }
            if alt <= top_alt {
                return Err(self.indent_error(
                    SyntaxErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    1,
                ));
            }
            self.indents.push((col, alt));
            self.push(Tok::Indent, start);
        } else {
            // A column matching no open level is an error before any DEDENT.
            let &(top, top_alt) = self
                .indents
                .iter()
                .rev()
                .find(|l| l.0 <= col)
                .unwrap_or(&(0, 0));
            if col == top {
                while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                    self.indents.pop();
                    self.push(Tok::Dedent, start);
                }
            }
            if col != top {
                // CPython reads the whole line first: the offset is past its end.
                let rest = self.src[self.pos..self.end]
                    .split(['\n', '\r'])
                    .next()
                    .unwrap_or("");
                let width = self.col + rest.chars().count() as u32;
                return Err(self.indent_error(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    width + 1,
                ));
            }
            if alt != top_alt {
                return Err(self.indent_error(
                    SyntaxErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    1,
                ));
            }
        }
        Ok(false)
    }

    fn finish(&mut self) -> Result<(), LexError> {
        if self.inner {
            let h = self.here();
            self.push(Tok::EndMarker, h);
            return Ok(());
        }
        if let Some(&(ch, line, col)) = self.parens.last() {
            self.push_error_token();
            let msg = format!("'{}' was never closed", ch as char);
            return Err(LexError {
                err: SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, line, col + 1)
                    .with_end(line, 0)
                    .with_text_from(self.src),
                overrides_parser: false,
                unclosed: Some((ch, line, col)),
            });
        }
        // CPython places the implicit NEWLINE, DEDENTs and ENDMARKER at
        // the last line terminator of the file.
        let at = match self.tokens.last() {
            Some(t) if t.tok != Tok::Newline => {
                let h = self.comment_at.take().unwrap_or_else(|| self.here());
                let span = Span {
                    start: h.0 as u32,
                    end: h.0 as u32,
                    line: h.1,
                    col: h.2,
                    end_line: h.1,
                    end_col: h.2,
                };
                self.tokens.push(Token {
                    tok: Tok::Newline,
                    span,
                    level: 0,
                });
                h
            }
            _ => self.eof_position(),
        };
        for _ in 1..self.indents.len() {
            self.push(Tok::Dedent, at);
        }
        self.push(Tok::EndMarker, at);
        if let Some(t) = self.tokens.last_mut() {
            t.span.end = t.span.start;
            t.span.end_line = t.span.line;
            t.span.end_col = t.span.col;
        }
        Ok(())
    }

    /// Position of the final line terminator (or EOF without one).
    fn eof_position(&self) -> (usize, u32, u32) {
        let s = &self.src[..self.end];
        if let Some(stripped) = s.strip_suffix('\n') {
            let stripped = stripped.strip_suffix('\r').unwrap_or(stripped);
            let ls = stripped.rfind('\n').map_or(0, |i| i + 1);
            let col = stripped[ls..].chars().count() as u32;
            (stripped.len(), self.line.saturating_sub(1).max(1), col)
        } else {
            self.here()
        }
    }

    fn name_or_string(&mut self, start: (usize, u32, u32)) -> Result<(), LexError> {
        // String prefixes: at most two letters followed by a quote.
        let mut n = 0;
        while n < 3 && self.peek_byte(n).is_ascii_alphabetic() {
            n += 1;
        }
        if n <= 2 && matches!(self.peek_byte(n), b'"' | b'\'') {
            let p = self.src[self.pos..self.pos + n].to_ascii_lowercase();
            let flags = match p.as_str() {
                "r" => Some((true, false, false)),
                "u" => Some((false, false, false)),
                "b" => Some((false, true, false)),
                "f" => Some((false, false, true)),
                "br" | "rb" => Some((true, true, false)),
                "fr" | "rf" => Some((true, false, true)),
                _ => None,
            };
            if let Some((r, b, f)) = flags {
                for _ in 0..n {
                    self.bump();
                }
                return self.string(start, r, b, f);
            }
        }
        while let Some(c) = self.peek() {
            if is_id_continue(c) {
                self.bump();
            } else {
                break;
            }
        }
        if let Some(c) = self.peek() {
            if !c.is_ascii() && !is_id_continue(c) {
                return Err(self.bad_char(c));
            }
        }
        let name: Rc<str> = Rc::from(&self.src[start.0..self.pos]);
        self.push(Tok::Name(name), start);
        Ok(())
    }

    fn bad_char(&mut self, c: char) -> LexError {
        let (l, col) = (self.line, self.col + 1);
        let printable = !(c.is_control()
            || c.is_whitespace()
            || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF));
        let msg = if printable {
            format!("invalid character '{}' (U+{:04X})", c, c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        self.error(msg, l, col, true)
    }

    fn operator(&mut self, start: (usize, u32, u32), c: char) -> Result<(), LexError> {
        let rest = &self.src[self.pos..self.end];
        let op = OPS3
            .iter()
            .chain(OPS2)
            .chain(OPS1)
            .find(|op| rest.starts_with(**op))
            .copied();
        let Some(op) = op else {
            if c.is_ascii() && !c.is_ascii_control() || c == '\x00' {
                // `$`, `?`, `!`, backtick: CPython yields an error token
                // the parser reports as plain invalid syntax.
                self.bump();
                self.push(Tok::Op("?"), start);
                return Ok(());
            }
            return Err(self.bad_char(c));
        };
        match op {
            "(" | "[" | "{" => {
                if self.parens.len() >= MAX_PARENS {
                    let (l, col) = (self.line, self.col + 1);
                    return Err(self.error("too many nested parentheses", l, col, true));
                }
                self.parens.push((op.as_bytes()[0], self.line, self.col));
            }
            ")" | "]" | "}" => {
                let (l, col) = (self.line, self.col + 1);
                match self.parens.pop() {
                    None => {
                        if !self.inner {
                            return Err(self.error(format!("unmatched '{}'", op), l, col, true));
                        }
                    }
                    Some((open, oline, _)) => {
                        let want = match open {
                            b'(' => ")",
                            b'[' => "]",
                            _ => "}",
                        };
                        if want != op {
                            let msg = if oline != self.line {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                    op, open as char, oline
                                )
                            } else {
                                format!(
                                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    op, open as char
                                )
                            };
                            return Err(self.error(msg, l, col, true));
                        }
                    }
                }
            }
            _ => {}
        }
        for _ in 0..op.len() {
            self.bump();
        }
        self.push(Tok::Op(op), start);
        Ok(())
    }

    /// A number-literal error; CPython reports the column of its read
    /// cursor, which is `self.col` (0-based) used as the 1-based offset.
    fn num_error(&mut self, msg: impl Into<String>) -> LexError {
        let (l, c) = (self.line, self.col);
        self.error(msg, l, c, true)
    }

    fn digits(&mut self, radix: u32, kind: &str) -> Result<(), LexError> {
        loop {
            while matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                self.bump();
            }
            if self.peek() != Some('_') {
                return Ok(());
            }
            self.bump();
            if !matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                return Err(self.num_error(format!("invalid {} literal", kind)));
            }
        }
    }

    fn end_of_number(&mut self, kind: &str) -> Result<(), LexError> {
        let c = self.peek();
        let rest = &self.src[self.pos..self.end];
        // Keywords that may follow a number (`1if x else 2`) only warn.
        let kw = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k));
        if !kw && potential_id_char(c) {
            return Err(self.num_error(format!("invalid {} literal", kind)));
        }
        Ok(())
    }

    fn number(&mut self, start: (usize, u32, u32)) -> Result<(), LexError> {
        let first = self.bump().unwrap_or('0');
        if first == '0' {
            let radix = match self.peek() {
                Some('x' | 'X') => Some((16, "hexadecimal")),
                Some('o' | 'O') => Some((8, "octal")),
                Some('b' | 'B') => Some((2, "binary")),
                _ => None,
            };
            if let Some((radix, kind)) = radix {
                self.bump();
                if self.peek() == Some('_') {
                    self.bump();
                }
                if !matches!(self.peek(), Some(c) if c.is_digit(radix)) {
                    if let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
                        self.bump();
                        return Err(
                            self.num_error(format!("invalid digit '{}' in {} literal", c, kind))
                        );
                    }
                    return Err(self.num_error(format!("invalid {} literal", kind)));
                }
                self.digits(radix, kind)?;
                if let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
                    self.bump();
                    return Err(
                        self.num_error(format!("invalid digit '{}' in {} literal", c, kind))
                    );
                }
                self.end_of_number(kind)?;
                let text: String = self.src[start.0 + 2..self.pos]
                    .chars()
                    .filter(|&c| c != '_')
                    .collect();
                self.push(Tok::Int(text.into(), radix), start);
                return Ok(());
            }
        }
        let mut is_float = first == '.';
        if first != '.' {
            // The first digit is consumed; continue the integer part.
            if self.peek() == Some('_') {
                self.bump();
                if !matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                    return Err(self.num_error("invalid decimal literal"));
                }
            }
            self.digits(10, "decimal")?;
            if self.peek() == Some('.') {
                self.bump();
                is_float = true;
                if matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                    self.digits(10, "decimal")?;
                }
            }
        } else {
            self.digits(10, "decimal")?;
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let save = (self.pos, self.col);
            self.bump();
            if matches!(self.peek(), Some('+' | '-')) {
                self.bump();
                if !matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                    return Err(self.num_error("invalid decimal literal"));
                }
            } else if !matches!(self.peek(), Some(c) if c.is_ascii_digit()) {
                // `1else`: the `e` starts a keyword.
                self.pos = save.0;
                self.col = save.1;
                if !self.src[self.pos..self.end].starts_with("else") {
                    return Err(self.num_error("invalid decimal literal"));
                }
                return self.finish_number(start, is_float, false);
            }
            is_float = true;
            self.digits(10, "decimal")?;
        }
        let imag = if matches!(self.peek(), Some('j' | 'J')) {
            self.bump();
            true
        } else {
            false
        };
        self.end_of_number(if imag { "imaginary" } else { "decimal" })?;
        self.finish_number(start, is_float, imag)
    }

    fn finish_number(
        &mut self,
        start: (usize, u32, u32),
        is_float: bool,
        imag: bool,
    ) -> Result<(), LexError> {
        let text: String = self.src[start.0..self.pos]
            .chars()
            .filter(|&c| c != '_' && c != 'j' && c != 'J')
            .collect();
        if imag || is_float {
            let v: f64 = text.parse().unwrap_or(f64::INFINITY);
            let tok = if imag { Tok::Imag(v) } else { Tok::Float(v) };
            self.push(tok, start);
            return Ok(());
        }
        if text.len() > 1 && text.starts_with('0') {
            if text.bytes().any(|b| b != b'0') {
                let zeros_end = self.src[start.0..self.pos]
                    .find(|c: char| c != '0' && c != '_')
                    .unwrap_or(0);
                let mut e = self.error(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start.1,
                    start.2 + 1,
                    true,
                );
                e.err.end_col = start.2 + zeros_end as u32 + 1;
                return Err(e);
            }
            self.push(Tok::Int("0".into(), 10), start);
            return Ok(());
        }
        self.push(Tok::Int(text.into(), 10), start);
        Ok(())
    }

    fn string(
        &mut self,
        start: (usize, u32, u32),
        raw: bool,
        bytes: bool,
        fstr: bool,
    ) -> Result<(), LexError> {
        let quote = self.peek_byte(0);
        let triple = self.peek_byte(1) == quote && self.peek_byte(2) == quote;
        let qlen = if triple { 3 } else { 1 };
        for _ in 0..qlen {
            self.bump();
        }
        let body = self.here();
        loop {
            let Some(c) = self.peek() else {
                return Err(self.unterminated(start, triple));
            };
            if c as u32 == quote as u32 {
                if !triple {
                    break;
                }
                if self.peek_byte(1) == quote && self.peek_byte(2) == quote {
                    break;
                }
            }
            if (c == '\n' || c == '\r') && !triple {
                return Err(self.unterminated(start, triple));
            }
            self.bump();
            if c == '\\' {
                match self.peek() {
                    None => return Err(self.unterminated(start, triple)),
                    Some('\r') => {
                        self.bump();
                        if self.peek() == Some('\n') {
                            self.bump();
                        }
                    }
                    Some(_) => {
                        self.bump();
                    }
                }
            }
        }
        let body_end = self.pos;
        for _ in 0..qlen {
            self.bump();
        }
        let st = StrTok {
            raw,
            bytes,
            fstr,
            body_start: body.0 as u32,
            body_end: body_end as u32,
            body_line: body.1,
            body_col: body.2,
            quote,
            triple,
        };
        self.push(Tok::Str(st), start);
        Ok(())
    }

    fn unterminated(&mut self, start: (usize, u32, u32), triple: bool) -> LexError {
        // CPython counts the line the scan stopped on.
        let mut detected = if triple {
            self.line
        } else {
            start.1.max(self.line)
        };
        if triple && self.pos >= self.end && self.src[..self.end].ends_with('\n') {
            detected -= 1;
        }
        let msg = if triple {
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                detected
            )
        } else {
            format!(
                "unterminated string literal (detected at line {})",
                detected
            )
        };
        self.error(msg, start.1, start.2 + 1, true)
    }
}

/// Byte length of the first `col` characters before `pos`'s line start.
fn col_bytes(src: &str, pos: usize, col: u32) -> usize {
    src[..pos]
        .char_indices()
        .rev()
        .take(col as usize)
        .last()
        .map_or(0, |(i, _)| pos - i)
}
