//! Text patches and the small text operations every edit is made of: set or
//! remove a keyword of a call, delete whole lines, insert a line after a
//! statement. Each works from a span so the rest of the script keeps its
//! comments and formatting byte for byte.

use super::EditError;
use crate::model::KwArg;
use crate::span::Span;

/// Replacements of byte ranges, applied at once (so spans read from the
/// original source stay valid while the edit is planned).
#[derive(Default)]
pub(crate) struct Patches {
    items: Vec<(usize, usize, String)>,
}

impl Patches {
    pub fn replace(&mut self, start: usize, end: usize, text: impl Into<String>) {
        let item = (start, end, text.into());
        // The same import asked for twice is one import.
        if !self.items.contains(&item) {
            self.items.push(item);
        }
    }
    pub fn insert(&mut self, at: usize, text: impl Into<String>) {
        self.replace(at, at, text);
    }
    pub fn delete(&mut self, start: usize, end: usize) {
        self.replace(start, end, "");
    }
    /// Applies every patch; insertions at the same point keep their order.
    pub fn apply(mut self, source: &str) -> Result<String, EditError> {
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        order.sort_by_key(|&i| (self.items[i].0, self.items[i].1, i));
        let mut out = String::with_capacity(source.len() + 128);
        let mut pos = 0usize;
        for i in order {
            let (start, end, text) = std::mem::take(&mut self.items[i]);
            let ok = start >= pos
                && end >= start
                && end <= source.len()
                && source.is_char_boundary(start)
                && source.is_char_boundary(end);
            if !ok {
                return Err(EditError::Conflict);
            }
            out.push_str(&source[pos..start]);
            out.push_str(&text);
            pos = end;
        }
        out.push_str(&source[pos..]);
        Ok(out)
    }
}

/// Start of the line holding byte `at`.
pub(crate) fn line_start(source: &str, at: usize) -> usize {
    source[..at.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1)
}

/// Just past the line break ending the line holding byte `at` (or the end).
pub(crate) fn next_line(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    source[at..].find('\n').map_or(source.len(), |i| at + i + 1)
}

/// The indentation of the line holding byte `at`.
pub(crate) fn indent_at(source: &str, at: usize) -> &str {
    let s = line_start(source, at);
    let line = &source[s..];
    let n = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..n]
}

/// Deletes the whole lines a statement spans.
pub(crate) fn delete_lines(p: &mut Patches, source: &str, span: Span) {
    p.delete(
        line_start(source, span.start as usize),
        next_line(source, span.end as usize),
    );
}

/// Inserts `lines` (already indented, each ending in `\n`) after the line
/// where the statement at `span` ends, so a trailing comment stays put.
pub(crate) fn insert_after(p: &mut Patches, source: &str, span: Span, lines: &str) {
    let at = next_line(source, span.end as usize);
    if at == source.len() && !source.ends_with('\n') {
        p.insert(at, format!("\n{lines}"));
    } else {
        p.insert(at, lines.to_string());
    }
}

/// The call `call` as `(open paren, close paren)` byte offsets.
fn parens(source: &str, call: Span) -> Result<(usize, usize), EditError> {
    let text = call.text(source);
    let open = text.find('(').ok_or(EditError::Unreadable("call"))?;
    if !text.ends_with(')') {
        return Err(EditError::Unreadable("call"));
    }
    Ok((call.start as usize + open, call.end as usize - 1))
}

/// Sets `name=value` on a call: replaces the value if the keyword is there,
/// else appends it after the last argument (`last_arg_end`), following the
/// call's layout (one argument per line with a trailing comma, or inline).
pub(crate) fn set_keyword(
    p: &mut Patches,
    source: &str,
    call: Span,
    keywords: &[KwArg],
    last_arg_end: Option<usize>,
    name: &str,
    value: &str,
) -> Result<(), EditError> {
    if let Some(k) = keywords.iter().find(|k| k.name == name) {
        p.replace(k.arg.span.start as usize, k.arg.span.end as usize, value);
        return Ok(());
    }
    append_arg(p, source, call, last_arg_end, &format!("{name}={value}"))
}

/// Appends an argument (`text`) to a call.
pub(crate) fn append_arg(
    p: &mut Patches,
    source: &str,
    call: Span,
    last_arg_end: Option<usize>,
    text: &str,
) -> Result<(), EditError> {
    let (open, close) = parens(source, call)?;
    let Some(end) = last_arg_end.filter(|&e| e > open && e <= close) else {
        p.insert(open + 1, text.to_string());
        return Ok(());
    };
    let rest = &source[end..close];
    let trailing = rest.trim_start().starts_with(',');
    if trailing && rest.contains('\n') {
        let comma = end + rest.find(',').unwrap_or(0) + 1;
        let indent = indent_at(source, end).to_string();
        p.insert(comma, format!("\n{indent}{text},"));
    } else {
        p.insert(end, format!(", {text}"));
    }
    Ok(())
}

/// Removes an argument whose span is `span` (a keyword `name=value` or a
/// positional), with the comma that separated it, or its whole line when it
/// sits alone on one.
pub(crate) fn remove_arg(p: &mut Patches, source: &str, span: Span) {
    let (start, end) = (span.start as usize, span.end as usize);
    let ls = line_start(source, start);
    let after = &source[end..next_line(source, end)];
    let alone = source[ls..start].trim().is_empty()
        && after.trim_start().trim_start_matches(',').trim().is_empty();
    if alone {
        p.delete(ls, next_line(source, end));
        return;
    }
    let before = source[..start].trim_end();
    if before.ends_with(',') {
        p.delete(before.len() - 1, end);
        return;
    }
    // The first argument: take the comma and space after it.
    let rest = &source[end..];
    let trimmed = rest.trim_start();
    if let Some(after_comma) = trimmed.strip_prefix(',') {
        let skip = rest.len() - after_comma.trim_start_matches([' ', '\t']).len();
        p.delete(start, end + skip);
    } else {
        p.delete(start, end);
    }
}

/// Removes keyword `name` from a call, if present.
pub(crate) fn remove_keyword(p: &mut Patches, source: &str, keywords: &[KwArg], name: &str) {
    if let Some(k) = keywords.iter().find(|k| k.name == name) {
        remove_arg(p, source, k.span);
    }
}

/// The quote character the script uses most for strings.
pub(crate) fn quote_of(source: &str) -> char {
    let d = source.matches('"').count();
    let s = source.matches('\'').count();
    if s > d {
        '\''
    } else {
        '"'
    }
}

pub(crate) fn quoted(q: char, s: &str) -> String {
    format!("{q}{s}{q}")
}

/// `value` as a string literal quoted like the literal `orig` was.
pub(crate) fn requote(orig: &str, value: &str) -> String {
    let q = if orig
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .starts_with('\'')
    {
        '\''
    } else {
        '"'
    };
    quoted(q, value)
}
