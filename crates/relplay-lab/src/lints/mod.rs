//! The classic mistakes, each explained in plain words with its fix and the
//! gallery example (`tests/gallery/<example>.py`) that shows it running.
//! [`CODES`] lists them; `tests/lints/*.py` holds a trigger and a near-miss
//! for each, checked against SQLAlchemy 2.1.9.

mod fk;
mod legacy;
mod loading;
mod m2m;
mod pairing;
mod plural;
mod query;
mod similar;
pub(crate) mod syntax;
mod uselist;
mod walk;

use crate::model::{self, Model};
use crate::span::Span;
use relplay_py::ast::Module;
use serde::{Deserialize, Serialize};

/// Every lint code, with the file that reports it.
pub const CODES: &[(&str, &str)] = &[
    ("fk-on-parent-side", "fk.rs"),
    ("fk-unknown-table", "fk.rs"),
    ("fk-unknown-column", "fk.rs"),
    ("one-sided-relationship", "pairing.rs"),
    ("back-populates-mismatch", "pairing.rs"),
    ("backref-clash", "pairing.rs"),
    ("backref-and-back-populates", "pairing.rs"),
    ("m2m-without-secondary", "m2m.rs"),
    ("no-foreign-key", "m2m.rs"),
    ("uselist-false-not-unique", "uselist.rs"),
    ("python2-print", "syntax.rs"),
    ("syntax-error", "syntax.rs"),
    ("legacy-1x", "legacy.rs"),
    ("lazy-load-in-loop", "loading.rs"),
    ("lazy-false-is-joined", "loading.rs"),
];

/// Error: SQLAlchemy or Python will raise. Warning: it runs but warns or
/// misbehaves. Info: it works; there is something worth knowing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A text replacement the editor can apply as a quick fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lint {
    /// Stable code, e.g. `fk-on-parent-side`.
    pub code: String,
    pub severity: Severity,
    pub line: u32,
    pub span: Span,
    /// One sentence.
    pub message: String,
    /// A paragraph a learner understands.
    pub why: String,
    /// What to do, in words.
    pub fix: String,
    /// The fixed code, when it can be written out.
    pub fix_code: Option<String>,
    /// Exact replacements, when the fix is local.
    pub edits: Vec<Edit>,
    /// Other places involved (the other side of a pair, the FK column).
    pub related: Vec<Span>,
    /// The gallery example showing this mistake (a `tests/gallery/*.py` stem).
    pub example: Option<String>,
}

impl Lint {
    pub(crate) fn new(code: &str, severity: Severity, span: Span, message: String) -> Lint {
        Lint {
            code: code.to_string(),
            severity,
            line: span.line,
            span,
            message,
            why: String::new(),
            fix: String::new(),
            fix_code: None,
            edits: Vec::new(),
            related: Vec::new(),
            example: None,
        }
    }
    pub(crate) fn why(mut self, why: impl Into<String>) -> Self {
        self.why = why.into();
        self
    }
    pub(crate) fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }
    pub(crate) fn code(mut self, code: impl Into<String>) -> Self {
        self.fix_code = Some(code.into());
        self
    }
    pub(crate) fn edit(mut self, span: Span, text: impl Into<String>) -> Self {
        self.edits.push(Edit {
            span,
            text: text.into(),
        });
        self
    }
    pub(crate) fn related(mut self, span: Span) -> Self {
        self.related.push(span);
        self
    }
    pub(crate) fn example(mut self, id: &str) -> Self {
        self.example = Some(id.to_string());
        self
    }
}

/// What every lint reads: the (possibly print-patched) source, its tree and model.
pub(crate) struct Ctx<'a> {
    pub source: &'a str,
    pub module: &'a Module,
    pub model: &'a Model,
}

pub(crate) fn run(source: &str) -> Vec<Lint> {
    let (patched, mut out) = match syntax::parse_patching_prints(source) {
        Ok(x) => x,
        Err(lints) => return lints,
    };
    let (source, module) = patched;
    let model = model::read_module(&module, &source);
    let cx = Ctx {
        source: &source,
        module: &module,
        model: &model,
    };
    fk::check(&cx, &mut out);
    pairing::check(&cx, &mut out);
    m2m::check(&cx, &mut out);
    uselist::check(&cx, &mut out);
    legacy::check(&cx, &mut out);
    loading::check(&cx, &mut out);
    out.sort_by(|a, b| (a.span.start, &a.code).cmp(&(b.span.start, &b.code)));
    out.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    out
}
