//! String literals: escape decoding, implicit concatenation and f-strings
//! (Python 3.11 rules: the whole f-string is one token; fields are found by
//! scanning the body, then parsed as expressions in place).

use super::expr::mk;
use super::{PResult, Parser};
use crate::ast::*;
use crate::parse::errors::SyntaxError;
use crate::parse::lexer::tokenize_inner;
use crate::parse::tokens::{StrTok, Tok};
use std::rc::Rc;

enum Esc {
    Char(char),
    Byte(u8),
    /// Backslash-newline: nothing.
    Nothing,
    /// Unknown escape: kept verbatim.
    Keep,
}

/// A few `\N{...}` names; CPython's full table is too large for the wasm
/// bundle, other names give CPython's "unknown Unicode character name".
const NAMED: &[(&str, char)] = &[
    ("BULLET", '\u{2022}'),
    ("EM DASH", '\u{2014}'),
    ("EN DASH", '\u{2013}'),
    ("HORIZONTAL ELLIPSIS", '\u{2026}'),
    ("NO-BREAK SPACE", '\u{a0}'),
    ("DEGREE SIGN", '\u{b0}'),
    ("EURO SIGN", '\u{20ac}'),
    ("POUND SIGN", '\u{a3}'),
    ("COPYRIGHT SIGN", '\u{a9}'),
    ("SPACE", ' '),
    ("LINE FEED", '\n'),
    ("CHARACTER TABULATION", '\t'),
    ("RIGHTWARDS ARROW", '\u{2192}'),
    ("LEFTWARDS ARROW", '\u{2190}'),
    ("CHECK MARK", '\u{2713}'),
    ("MULTIPLICATION SIGN", '\u{d7}'),
    ("GREEK SMALL LETTER ALPHA", '\u{3b1}'),
    ("GREEK SMALL LETTER BETA", '\u{3b2}'),
    ("GREEK SMALL LETTER PI", '\u{3c0}'),
    ("SNOWMAN", '\u{2603}'),
    ("LATIN SMALL LETTER E WITH ACUTE", '\u{e9}'),
];

/// Decodes the escape starting at the backslash `s[i]`; returns it and the
/// index after it, or CPython's codec error text.
fn decode_escape(s: &str, i: usize, bytes: bool) -> Result<(Esc, usize), String> {
    let b = s.as_bytes();
    let Some(c) = s[i + 1..].chars().next() else {
        return Ok((Esc::Keep, i + 1));
    };
    let next = i + 1 + c.len_utf8();
    let simple = match c {
        '\n' => return Ok((Esc::Nothing, next)),
        '\r' => {
            let n = if b.get(next) == Some(&b'\n') {
                next + 1
            } else {
                next
            };
            return Ok((Esc::Nothing, n));
        }
        '\\' => Some('\\'),
        '\'' => Some('\''),
        '"' => Some('"'),
        'a' => Some('\x07'),
        'b' => Some('\x08'),
        'f' => Some('\x0c'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'v' => Some('\x0b'),
        _ => None,
    };
    if let Some(ch) = simple {
        return Ok((Esc::Char(ch), next));
    }
    let codec = if bytes {
        ""
    } else {
        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
    };
    let rel = |end: usize| format!("{}-{}", i, end);
    match c {
        '0'..='7' => {
            let mut v = 0u32;
            let mut j = i + 1;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + (b[j] - b'0') as u32;
                j += 1;
            }
            if bytes {
                Ok((Esc::Byte(v as u8), j))
            } else {
                Ok((Esc::Char(char::from_u32(v).unwrap_or('\u{fffd}')), j))
            }
        }
        'x' | 'u' | 'U' if !(bytes && c != 'x') => {
            let n = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let digits = &b[i + 2..(i + 2 + n).min(b.len())];
            let count = digits.iter().take_while(|d| d.is_ascii_hexdigit()).count();
            if count < n {
                if bytes {
                    return Err(format!(
                        "(value error) invalid \\x escape at position {}",
                        i
                    ));
                }
                let what = match c {
                    'x' => "truncated \\xXX escape",
                    'u' => "truncated \\uXXXX escape",
                    _ => "truncated \\UXXXXXXXX escape",
                };
                return Err(format!("{}{}: {}", codec, rel(i + 1 + count), what));
            }
            let v = u32::from_str_radix(&s[i + 2..i + 2 + n], 16).unwrap_or(0);
            if bytes {
                return Ok((Esc::Byte(v as u8), i + 2 + n));
            }
            if v > 0x10ffff {
                return Err(format!(
                    "{}{}: illegal Unicode character",
                    codec,
                    rel(i + 1 + n)
                ));
            }
            Ok((
                Esc::Char(char::from_u32(v).unwrap_or('\u{fffd}')),
                i + 2 + n,
            ))
        }
        'N' if !bytes => {
            let close = if b.get(i + 2) == Some(&b'{') {
                s[i + 3..].find('}')
            } else {
                None
            };
            let Some(close) = close else {
                return Err(format!(
                    "{}{}: malformed \\N character escape",
                    codec,
                    rel(i + 1)
                ));
            };
            let name = &s[i + 3..i + 3 + close];
            let end = i + 3 + close;
            match NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)) {
                Some(&(_, ch)) => Ok((Esc::Char(ch), end + 1)),
                None => Err(format!(
                    "{}{}: unknown Unicode character name",
                    codec,
                    rel(end)
                )),
            }
        }
        _ => Ok((Esc::Keep, i + 1)),
    }
}

/// Decodes a non-f string body.
fn decode_str(body: &str, raw: bool) -> Result<String, String> {
    if raw || !body.contains('\\') {
        return Ok(body.replace("\r\n", "\n"));
    }
    let mut out = String::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body.as_bytes()[i] == b'\\' {
            let (e, n) = decode_escape(body, i, false)?;
            match e {
                Esc::Char(c) => out.push(c),
                Esc::Byte(b) => out.push(b as char),
                Esc::Nothing => {}
                Esc::Keep => out.push('\\'),
            }
            i = n;
        } else {
            let c = body[i..].chars().next().unwrap_or(' ');
            if c == '\r' && body.as_bytes().get(i + 1) == Some(&b'\n') {
                i += 1;
                continue;
            }
            out.push(c);
            i += c.len_utf8();
        }
    }
    Ok(out)
}

fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".into());
    }
    if raw {
        return Ok(body.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(body.len());
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            let (e, n) = decode_escape(body, i, true)?;
            match e {
                Esc::Char(c) => out.push(c as u8),
                Esc::Byte(x) => out.push(x),
                Esc::Nothing => {}
                Esc::Keep => out.push(b'\\'),
            }
            i = n;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(out)
}

fn push_lit(parts: &mut Vec<FStringPart>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        let mut joined = String::with_capacity(prev.len() + s.len());
        joined.push_str(prev);
        joined.push_str(s);
        *prev = Rc::from(joined);
    } else {
        parts.push(FStringPart::Literal(Rc::from(s)));
    }
}

/// Cursor over an f-string body with line/column tracking.
struct FCursor {
    i: usize,
    end: usize,
    line: u32,
    col: u32,
}

impl FCursor {
    fn bump(&mut self, src: &str) {
        let c = src[self.i..].chars().next().unwrap_or(' ');
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        } else {
            self.col += 1;
        }
    }
}

impl<'a> Parser<'a> {
    /// One or more adjacent string tokens → Constant or JoinedStr.
    #[inline(never)]
    pub fn strings(&mut self) -> PResult<Expr> {
        let first = self.span();
        let mut toks: Vec<StrTok> = Vec::new();
        let mut last = first;
        while let Tok::Str(t) = self.tok() {
            toks.push(t.clone());
            last = self.advance();
        }
        let span = first.to(last);
        let any_bytes = toks.iter().any(|t| t.bytes);
        if any_bytes && toks.iter().any(|t| !t.bytes) {
            let s = self.span();
            return Err(self.err_at(s, "cannot mix bytes and nonbytes literals"));
        }
        if any_bytes {
            let mut out = Vec::new();
            for t in &toks {
                let body = &self.src[t.body_start as usize..t.body_end as usize];
                match decode_bytes(body, t.raw) {
                    Ok(b) => out.extend(b),
                    Err(m) if m.starts_with("bytes can only") => {
                        let ts = self.token_span_of(t, first);
                        return Err(self.err_range(ts, last, m));
                    }
                    Err(m) => {
                        let s = self.span();
                        return Err(self.err_at(s, m));
                    }
                }
            }
            return Ok(mk(span, ExprKind::Constant(Constant::Bytes(out.into()))));
        }
        let fstr = toks.iter().any(|t| t.fstr);
        let mut parts = Vec::new();
        let mut plain = String::new();
        for t in &toks {
            let body = &self.src[t.body_start as usize..t.body_end as usize];
            if t.fstr {
                self.fstring_parts(t, &mut parts, 0)?;
            } else {
                let s = match decode_str(body, t.raw) {
                    Ok(s) => s,
                    Err(m) => {
                        let s = self.span();
                        return Err(self.err_at(s, m));
                    }
                };
                if fstr {
                    push_lit(&mut parts, &s);
                } else {
                    plain.push_str(&s);
                }
            }
        }
        if fstr {
            Ok(mk(span, ExprKind::JoinedStr(parts)))
        } else {
            Ok(mk(span, ExprKind::Constant(Constant::Str(plain.into()))))
        }
    }

    fn token_span_of(&self, t: &StrTok, default: Span) -> Span {
        self.toks
            .iter()
            .find(|tk| matches!(&tk.tok, Tok::Str(s) if s.body_start == t.body_start))
            .map_or(default, |tk| tk.span)
    }

    /// Error located where CPython puts f-string errors: the token after
    /// the string group.
    /// Inside a field of an enclosing f-string, CPython prefixes once more
    /// (`f-string: f-string: ...`), as `err_at` does.
    fn ferr(&self, msg: &str) -> Box<SyntaxError> {
        let s = self.span();
        self.err_at(s, msg)
    }

    fn fstring_parts(
        &mut self,
        t: &StrTok,
        parts: &mut Vec<FStringPart>,
        _lvl: u32,
    ) -> PResult<()> {
        let mut cur = FCursor {
            i: t.body_start as usize,
            end: t.body_end as usize,
            line: t.body_line,
            col: t.body_col,
        };
        self.fstring_literal_and_fields(t, &mut cur, parts, 0)
    }

    /// Parses literal text and `{...}` fields until the end of the body or,
    /// in a format spec (`lvl > 0`), until the closing `}`.
    fn fstring_literal_and_fields(
        &mut self,
        t: &StrTok,
        cur: &mut FCursor,
        parts: &mut Vec<FStringPart>,
        lvl: u32,
    ) -> PResult<()> {
        let src = self.src;
        let mut lit = String::new();
        while cur.i < cur.end {
            let c = src.as_bytes()[cur.i];
            match c {
                b'{' => {
                    if lvl == 0 && cur.i + 1 < cur.end && src.as_bytes()[cur.i + 1] == b'{' {
                        lit.push('{');
                        cur.bump(src);
                        cur.bump(src);
                        continue;
                    }
                    push_lit(parts, &lit);
                    lit.clear();
                    if lvl >= 2 {
                        return Err(self.ferr("f-string: expressions nested too deeply"));
                    }
                    cur.bump(src);
                    let field = self.fstring_field(t, cur, lvl)?;
                    parts.push(field);
                }
                b'}' => {
                    if lvl > 0 {
                        break;
                    }
                    if cur.i + 1 < cur.end && src.as_bytes()[cur.i + 1] == b'}' {
                        lit.push('}');
                        cur.bump(src);
                        cur.bump(src);
                        continue;
                    }
                    return Err(self.ferr("f-string: single '}' is not allowed"));
                }
                b'\\' if !t.raw => {
                    let body = &src[..cur.end];
                    let (e, n) = match decode_escape(body, cur.i, false) {
                        Ok(x) => x,
                        Err(m) => return Err(self.ferr(&m)),
                    };
                    match e {
                        Esc::Char(ch) => lit.push(ch),
                        Esc::Byte(b) => lit.push(b as char),
                        Esc::Nothing => {}
                        Esc::Keep => lit.push('\\'),
                    }
                    let n = if matches!(e, Esc::Keep) { cur.i + 1 } else { n };
                    while cur.i < n {
                        cur.bump(src);
                    }
                }
                b'\r' if src.as_bytes().get(cur.i + 1) == Some(&b'\n') => cur.bump(src),
                _ => {
                    let ch = src[cur.i..].chars().next().unwrap_or(' ');
                    lit.push(ch);
                    cur.bump(src);
                }
            }
        }
        push_lit(parts, &lit);
        Ok(())
    }

    /// One `{expr[=][!c][:spec]}` field; the cursor is after the `{`.
    fn fstring_field(&mut self, t: &StrTok, cur: &mut FCursor, lvl: u32) -> PResult<FStringPart> {
        let src = self.src;
        let b = src.as_bytes();
        let (expr_start, line, col) = (cur.i, cur.line, cur.col);
        let mut quote: u8 = 0;
        let mut triple = false;
        let mut stack: Vec<u8> = Vec::new();
        while cur.i < cur.end {
            let ch = b[cur.i];
            if ch == b'\\' {
                return Err(self.ferr("f-string expression part cannot include a backslash"));
            }
            if quote != 0 {
                if ch == quote {
                    if !triple {
                        quote = 0;
                    } else if cur.i + 2 < cur.end && b[cur.i + 1] == ch && b[cur.i + 2] == ch {
                        cur.bump(src);
                        cur.bump(src);
                        quote = 0;
                    }
                }
                cur.bump(src);
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    triple = cur.i + 2 < cur.end && b[cur.i + 1] == ch && b[cur.i + 2] == ch;
                    if triple {
                        cur.bump(src);
                        cur.bump(src);
                    }
                    quote = ch;
                }
                b'[' | b'(' | b'{' => {
                    if stack.len() >= 200 {
                        return Err(self.ferr("f-string: too many nested parenthesis"));
                    }
                    stack.push(ch);
                }
                b'#' => return Err(self.ferr("f-string expression part cannot include '#'")),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    let next = if cur.i + 1 < cur.end { b[cur.i + 1] } else { 0 };
                    if next == b'=' && ch != b':' && ch != b'}' {
                        cur.bump(src);
                        cur.bump(src);
                        continue;
                    }
                    if ch != b'<' && ch != b'>' {
                        break;
                    }
                }
                b']' | b')' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(self.ferr(&format!("f-string: unmatched '{}'", ch as char)));
                    };
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if want != ch {
                        return Err(self.ferr(&format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            cur.bump(src);
        }
        if quote != 0 {
            return Err(self.ferr("f-string: unterminated string"));
        }
        if let Some(&open) = stack.last() {
            return Err(self.ferr(&format!("f-string: unmatched '{}'", open as char)));
        }
        if cur.i >= cur.end {
            return Err(self.ferr("f-string: expecting '}'"));
        }
        let expr_end = cur.i;
        if src[expr_start..expr_end].trim().is_empty() {
            return Err(self.ferr("f-string: empty expression not allowed"));
        }
        let value = self.fstring_expr(expr_start, expr_end, line, col)?;
        let mut debug_text = None;
        if b[cur.i] == b'=' {
            cur.bump(src);
            while cur.i < cur.end && b[cur.i].is_ascii_whitespace() {
                cur.bump(src);
            }
            if cur.i >= cur.end {
                return Err(self.ferr("f-string: expecting '}'"));
            }
            debug_text = Some(Rc::from(&src[expr_start..cur.i]));
        }
        let mut conversion = None;
        if b[cur.i] == b'!' {
            cur.bump(src);
            if cur.i >= cur.end {
                return Err(self.ferr("f-string: expecting '}'"));
            }
            let c = src[cur.i..].chars().next().unwrap_or(' ');
            cur.bump(src);
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(
                    self.ferr("f-string: invalid conversion character: expected 's', 'r', or 'a'")
                );
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if cur.i < cur.end && b[cur.i] == b':' {
            cur.bump(src);
            if cur.i >= cur.end {
                return Err(self.ferr("f-string: expecting '}'"));
            }
            let mut spec = Vec::new();
            self.fstring_literal_and_fields(t, cur, &mut spec, lvl + 1)?;
            format_spec = Some(spec);
        }
        if cur.i >= cur.end || b[cur.i] != b'}' {
            return Err(self.ferr("f-string: expecting '}'"));
        }
        cur.bump(src);
        if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        })
    }

    /// Parses a field's expression in place, so spans point into the source.
    fn fstring_expr(&mut self, start: usize, end: usize, line: u32, col: u32) -> PResult<Expr> {
        let lexed = tokenize_inner(self.src, start, end, line, col);
        let mut sub = Parser::new(self.src, lexed.tokens, lexed.error);
        sub.fstring = true;
        sub.depth = self.depth;
        // CPython compiles the field as "(expr)": `yield` is allowed and a
        // lone `*x` is a starred group.
        let r = (|| {
            let e = if sub.at_kw("yield") {
                sub.yield_expr()?
            } else {
                sub.star_expressions()?
            };
            if matches!(e.kind, ExprKind::Starred { .. }) {
                return Err(sub.err_at(e.span, "cannot use starred expression here"));
            }
            if *sub.tok() != Tok::EndMarker {
                return Err(sub.invalid());
            }
            Ok(e)
        })();
        let Err(e) = r else { return r };
        let mut e = sub.finalize_error(*e);
        // Columns on the field's first line are relative to that "(expr)"
        // copy; the end of input is its closing parenthesis.
        if e.line == line {
            if e.col == 0 {
                e.col = self.src[start..end].chars().count() as u32 + 2;
                e.end_col = e.col + 1;
                return Err(Box::new(e));
            } else {
                e.col = e.col.saturating_sub(col) + 1;
            }
            if e.end_line == line {
                e.end_col = e.end_col.saturating_sub(col) + 1;
            }
        }
        Err(Box::new(e))
    }
}
