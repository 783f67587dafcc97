//! Scripts that do not parse: Python 2's `print "x"` (with its 3.x fix) and
//! any other syntax error. A print statement is patched in place with text
//! of the same length (so every span stays valid) and parsing resumes, so
//! one lint per print is reported and the other lints still run.

use super::{Lint, Severity};
use crate::span::Span;
use relplay_py::ast::Module;
use relplay_py::parse::{parse_module, SyntaxError};

const PY2_PRINT: &str = "Missing parentheses in call to 'print'";
/// Enough for any learner script; bounds the re-parsing work.
const MAX_PATCHES: usize = 64;

pub(crate) type Parsed = (String, Module);

pub(crate) fn parse_patching_prints(source: &str) -> Result<(Parsed, Vec<Lint>), Vec<Lint>> {
    let mut src = source.to_string();
    let mut lints = Vec::new();
    for _ in 0..MAX_PATCHES {
        let err = match parse_module(&src) {
            Ok(m) => return Ok(((src, m), lints)),
            Err(e) => e,
        };
        if !err.msg.starts_with(PY2_PRINT) {
            // A real error after patching means our patch was wrong: keep what we have.
            return Err(if lints.is_empty() {
                vec![from_error(&err, source)]
            } else {
                lints
            });
        }
        let lint = from_error(&err, source);
        let Some(patched) = patch_print(&src, err.line) else {
            lints.push(lint);
            return Err(lints);
        };
        if lints.iter().any(|l: &Lint| l.line == err.line) {
            return Err(lints);
        }
        lints.push(lint);
        src = patched;
    }
    Err(lints)
}

pub(crate) fn from_error(e: &SyntaxError, source: &str) -> Lint {
    let line_span = Span::of_line(source, e.line.max(1));
    let text = line_span.text(source);
    if e.msg.starts_with(PY2_PRINT) {
        if let Some((span, fixed)) = print_fix(text, line_span) {
            return Lint::new("python2-print", Severity::Error, span, format!("Line {}: `print` is a function in Python 3, so `{}` is a syntax error.", e.line, span.text(source).trim()))
                .why(
                    "This is Python 2 syntax. In Python 3 `print` is an ordinary function and needs parentheses. \
                     Python reads the whole file before running any of it, so this one line stops everything: \
                     not even the lines above it run. Many older SQLAlchemy tutorials were written for Python 2.",
                )
                .fix(format!("Put the arguments in parentheses: `{fixed}`."))
                .code(fixed.clone())
                .edit(span, fixed)
                .example("mistake_py2_print");
        }
    }
    Lint::new("syntax-error", Severity::Error, line_span, format!("Line {}: {}: {}", e.line, e.kind.name(), e.msg))
        .why("Python could not read this file, so none of it ran. The line named is where Python noticed the problem; the mistake is sometimes on the line just before (an unclosed bracket or quote).")
        .fix("Correct the syntax on that line (or the one before it) and run again.")
}

/// The statement's span (from `print` to the end of the line, before a
/// comment) and its Python 3 spelling.
fn print_fix(line: &str, line_span: Span) -> Option<(Span, String)> {
    let indent = line.len() - line.trim_start().len();
    let stmt = &line[indent..];
    let rest = stmt.strip_prefix("print")?;
    let body_len = code_len(rest);
    let args = rest[..body_len].trim();
    let fixed = if let Some(redirect) = args.strip_prefix(">>") {
        // `print >>f, x` → `print(x, file=f)`
        let (file, items) = redirect.split_once(',').unwrap_or((redirect, ""));
        format!("print({}, file={})", items.trim(), file.trim())
    } else if let Some(items) = args.strip_suffix(',') {
        format!("print({}, end=\" \")", items.trim())
    } else {
        format!("print({args})")
    };
    let start = line_span.start + indent as u32;
    let len = ("print".len() + rest[..body_len].trim_end().len()) as u32;
    let col = line[..indent].chars().count() as u32;
    let end_col = col + line[indent..indent + len as usize].chars().count() as u32;
    let span = Span {
        start,
        end: start + len,
        line: line_span.line,
        col,
        end_line: line_span.line,
        end_col,
    };
    Some((span, fixed))
}

/// Length of `s` before a `#` comment that is not inside a string literal.
fn code_len(s: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' => return i,
            None => {}
        }
    }
    s.len()
}

/// The same source with the print statement on `line` made parseable
/// without changing any length: `print "x"` → `print,"x"` (a tuple
/// expression), or the statement blanked to `pass` when that fails.
fn patch_print(src: &str, line: u32) -> Option<String> {
    let ls = Span::of_line(src, line);
    let text = ls.text(src);
    let indent = text.len() - text.trim_start().len();
    let rest = text[indent..].strip_prefix("print")?;
    let start = ls.start as usize + indent;
    let mut out = src.to_string();
    let first = rest.chars().next()?;
    let tuple_ok = first.is_whitespace() && !rest.trim_start().starts_with(">>");
    if tuple_ok {
        let at = start + "print".len();
        out.replace_range(at..at + first.len_utf8(), ",");
    } else {
        let end = ls.end as usize;
        let width = src.get(start..end)?.len();
        let blank = format!("{:<width$}", "pass");
        if blank.len() != width {
            return None;
        }
        out.replace_range(start..end, &blank);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn print_fixes() {
        let s = Span::default();
        assert_eq!(
            print_fix("print \"a %s\" % x  # hi", s).unwrap().1,
            "print(\"a %s\" % x)"
        );
        assert_eq!(
            print_fix("    print x,", s).unwrap().1,
            "print(x, end=\" \")"
        );
        assert_eq!(print_fix("print >>f, x", s).unwrap().1, "print(x, file=f)");
    }
    #[test]
    fn patches_keep_length() {
        let src = "x = 1\nprint \"a\" % x\n";
        let p = patch_print(src, 2).unwrap();
        assert_eq!(p.len(), src.len());
        assert!(parse_module(&p).is_ok());
    }
}
