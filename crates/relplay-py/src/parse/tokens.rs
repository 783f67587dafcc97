//! Tokens produced by the lexer.

use crate::ast::Span;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    /// Identifiers and keywords alike; the parser tells them apart, which
    /// keeps soft keywords (`match`, `case`, `type`, `_`) simple.
    Name(Rc<str>),
    /// Integer literal text with underscores removed, and its radix.
    Int(Rc<str>, u32),
    Float(f64),
    Imag(f64),
    Str(StrTok),
    /// Operators and delimiters, as written.
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// The tokenizer stopped here with an error; the parser reports it
    /// when it reaches this token.
    Error,
}

/// A string literal as written; decoding happens in the parser, which is
/// where f-string fields are parsed into expressions.
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    pub raw: bool,
    pub bytes: bool,
    pub fstr: bool,
    /// Byte range of the body (between the quotes) in the source.
    pub body_start: u32,
    pub body_end: u32,
    /// Line and character column of the body's first character.
    pub body_line: u32,
    pub body_col: u32,
    pub quote: u8,
    pub triple: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
    /// Bracket nesting depth after this token (CPython's `tok->level`).
    pub level: u32,
}

pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub fn is_keyword(s: &str) -> bool {
    // Hot: called for every name token. Most identifiers are ruled out by
    // their first byte (keywords start with one of `FNTabcdefgilnoprtwy`).
    match s.as_bytes().first() {
        Some(
            b'F'
            | b'N'
            | b'T'
            | b'a'..=b'g'
            | b'i'
            | b'l'
            | b'n'
            | b'o'
            | b'p'
            | b'r'
            | b't'
            | b'w'
            | b'y',
        ) => KEYWORDS.contains(&s),
        _ => false,
    }
}
