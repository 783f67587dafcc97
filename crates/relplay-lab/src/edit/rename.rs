//! A small scanner for renames: identifiers and string literals outside
//! comments, with their byte ranges. Renaming a class rewrites every
//! identifier of that name (as an editor's rename does) and the string
//! literals that name it (`relationship("Child")`, `Mapped["Child"]`).

pub(crate) enum Tok {
    Ident(usize, usize),
    /// The body's range (between the quotes).
    Str(usize, usize),
    Dot,
}

pub(crate) fn scan(src: &str) -> Vec<Tok> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'#' {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'.' {
            out.push(Tok::Dot);
            i += 1;
        } else if c == b'"' || c == b'\'' {
            i = string(b, i, i, &mut out);
        } else if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let start = i;
            while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                i += 1;
            }
            let word = &src[start..i];
            let is_prefix = word.len() <= 2
                && word.chars().all(|ch| "rRbBuUfF".contains(ch))
                && i < b.len()
                && (b[i] == b'"' || b[i] == b'\'');
            if is_prefix {
                i = string(b, start, i, &mut out);
            } else {
                out.push(Tok::Ident(start, i));
            }
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// A string literal starting with its prefix at `start` and quote at `q`.
fn string(b: &[u8], start: usize, q: usize, out: &mut Vec<Tok>) -> usize {
    let quote = b[q];
    let triple = b.len() >= q + 3 && b[q + 1] == quote && b[q + 2] == quote;
    let open = if triple { 3 } else { 1 };
    let body = q + open;
    let mut i = body;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == quote && (!triple || (i + 2 < b.len() && b[i + 1] == quote && b[i + 2] == quote))
        {
            let end = i + open;
            let _ = start;
            out.push(Tok::Str(body, i));
            return end;
        }
        if b[i] == b'\n' && !triple {
            break;
        }
        i += 1;
    }
    i.min(b.len())
}

/// Ranges to rewrite when renaming the class `name`: identifiers of that
/// name and string literals whose whole body is it.
pub(crate) fn class_refs(src: &str, name: &str) -> Vec<(usize, usize)> {
    scan(src)
        .into_iter()
        .filter_map(|t| match t {
            Tok::Ident(s, e) if &src[s..e] == name => Some((s, e)),
            Tok::Str(bs, be) if &src[bs..be] == name => Some((bs, be)),
            _ => None,
        })
        .collect()
}

/// Ranges of `attr` in `Class.attr` references.
pub(crate) fn attr_refs(src: &str, class: &str, attr: &str) -> Vec<(usize, usize)> {
    let toks = scan(src);
    let mut out = Vec::new();
    for w in toks.windows(3) {
        if let [Tok::Ident(cs, ce), Tok::Dot, Tok::Ident(s, e)] = w {
            if &src[*cs..*ce] == class && &src[*s..*e] == attr {
                out.push((*s, *e));
            }
        }
    }
    out
}
