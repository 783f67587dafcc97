//! Printing uncaught exceptions and syntax errors exactly as CPython 3.11
//! does on stderr, including chained exceptions, repeated-frame folding and
//! the "Did you mean" suggestions of NameError/AttributeError.

use crate::object::class::types;
use crate::parse::SyntaxError;
use crate::value::{PyErr, TbEntry, Value};
use crate::vm::exc::with_exc;
use crate::vm::Interpreter;

pub fn format_syntax_error(e: &SyntaxError, path: &str) -> String {
    let mut out = format!("  File \"{}\", line {}\n", path, e.line);
    if let Some(text) = &e.text {
        let stripped = text.trim_start();
        let removed = text.chars().count() - stripped.chars().count();
        let stripped = stripped.trim_end();
        out.push_str(&format!("    {stripped}\n"));
        let col = (e.col as usize).max(1) - 1;
        let start = col.saturating_sub(removed);
        let width = if e.end_line == e.line && e.end_col > e.col {
            (e.end_col - e.col) as usize
        } else {
            1
        };
        let avail = stripped.chars().count().saturating_sub(start).max(1);
        out.push_str(&format!(
            "    {}{}\n",
            " ".repeat(start),
            "^".repeat(width.min(avail.max(1)))
        ));
    }
    out.push_str(&format!("{}: {}\n", e.kind.name(), e.msg));
    out
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn levenshtein(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b {
        return 0;
    }
    let (mut a, mut b) = (&a[..], &b[..]);
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > 40 || b.len() > 40 {
        return max + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let sub = |x: char, y: char| {
        if x == y {
            0
        } else if x.to_lowercase().eq(y.to_lowercase()) {
            CASE_COST
        } else {
            MOVE_COST
        }
    };
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + sub(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max {
            return max + 1;
        }
    }
    result
}

/// CPython's `_compute_suggestion_error` over `candidates`.
pub fn suggest(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > 750 {
        return None;
    }
    let wl = wrong.chars().count();
    let mut best_distance = wl;
    let mut best: Option<String> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let mut max = (c.chars().count() + wl + 3) * MOVE_COST / 6;
        max = max.min(best_distance.saturating_sub(1));
        let d = levenshtein(wrong, c, max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(c.clone());
            best_distance = d;
        }
    }
    best
}

impl Interpreter {
    fn source_line(&self, file: &str, line: u32) -> Option<String> {
        let src = self.sources.get(file)?;
        let l = src.get(line.checked_sub(1)? as usize)?;
        let t = l.trim();
        if t.is_empty() {
            None
        } else {
            Some(t.to_string())
        }
    }

    fn format_tb(&self, entries: &[TbEntry]) -> String {
        let mut out = String::new();
        let mut last: Option<&TbEntry> = None;
        let mut count = 0;
        let flush = |out: &mut String, count: usize| {
            if count > 3 {
                let n = count - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for e in entries.iter().rev() {
            if last == Some(e) {
                count += 1;
            } else {
                flush(&mut out, count);
                last = Some(e);
                count = 1;
            }
            if count > 3 {
                continue;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                e.file, e.line, e.name
            ));
            if let Some(src) = self.source_line(&e.file, e.line) {
                out.push_str(&format!("    {src}\n"));
            }
        }
        flush(&mut out, count);
        out
    }

    /// The `Class: message` line(s) of an exception.
    pub fn exception_only(&mut self, e: &Value) -> String {
        let cls = e.class();
        let module = cls.module();
        let qn = cls.qualname();
        let name = if &*module == "builtins" || &*module == "__main__" {
            qn.to_string()
        } else {
            format!("{module}.{qn}")
        };
        let msg = match self.str(e) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut msg = msg;
        let t = types();
        if let Value::Instance(inst) = e {
            let is_name = cls.is_subclass(&t.exc("NameError"));
            let is_attr = cls.is_subclass(&t.exc("AttributeError"));
            if is_name || is_attr {
                let d = inst.dict.borrow();
                if let Some(Value::Str(s)) = d.get_str("__suggestion__") {
                    msg.push_str(&format!(". Did you mean: '{s}'?"));
                } else if is_attr {
                    if let (Some(Value::Str(n)), Some(obj)) = (d.get_str("name"), d.get_str("obj"))
                    {
                        drop(d);
                        let cands = crate::builtins::funcs::dir_names(&obj);
                        if let Some(s) = suggest(&n, &cands) {
                            msg.push_str(&format!(". Did you mean: '{s}'?"));
                        }
                    }
                }
            }
        }
        let mut out = if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        };
        // PEP 678 notes, one per line after the message.
        if let Value::Instance(inst) = e {
            let notes = inst.dict.borrow().get_str("__notes__");
            match notes {
                Some(Value::List(l)) => {
                    let items = l.borrow().clone();
                    for n in items {
                        let s = match &n {
                            Value::Str(s) => s.to_string(),
                            other => self
                                .str(other)
                                .unwrap_or_else(|_| "<note str() failed>".to_string()),
                        };
                        out.push_str(&s);
                        out.push('\n');
                    }
                }
                Some(other) => {
                    let r = self
                        .repr(&other)
                        .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                    out.push_str(&r);
                    out.push('\n');
                }
                None => {}
            }
        }
        out
    }

    /// The full report CPython prints for an uncaught exception.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut seen = Vec::new();
        self.format_chain(&err.value(), &mut seen)
    }

    fn format_chain(&mut self, e: &Value, seen: &mut Vec<u64>) -> String {
        seen.push(e.id());
        let mut out = String::new();
        let (cause, context, suppress, tb) = with_exc(e, |d| {
            (
                d.cause.clone(),
                d.context.clone(),
                d.suppress_context,
                d.traceback.clone(),
            )
        })
        .unwrap_or((None, None, false, Vec::new()));
        if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
            out.push_str(&self.format_chain(&c, seen));
            out.push_str(
                "\nThe above exception was the direct cause of the following exception:\n\n",
            );
        } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.id())) {
            out.push_str(&self.format_chain(&c, seen));
            out.push_str(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
            );
        }
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            out.push_str(&self.format_tb(&tb));
        }
        out.push_str(&self.exception_only(e));
        out
    }
}
