//! relplay-lab: the static model of a SQLAlchemy script and the lints that
//! explain the classic relationship mistakes, read from the syntax tree alone
//! (nothing runs, no I/O; safe on any input).
//!
//! - [`read_model`]: what the script declares ([`model::Model`]).
//! - [`lint`]: the mistakes found, each with its why, its fix and the
//!   gallery example that shows it ([`Lint`]); codes in [`lints::CODES`].
//!
//! Layout: `model/` reads declarations (`reader.rs` the module walk,
//! `class.rs`, `column.rs`, `relationship.rs`, `table.rs`, `annotation.rs`
//! for `Mapped[...]`, `direction.rs` SQLAlchemy's direction rule);
//! `lints/` has one file per family (`fk.rs`, `pairing.rs`, `m2m.rs`,
//! `uselist.rs`, `syntax.rs`, `legacy.rs`, `loading.rs`) over shared readers
//! (`query.rs` query chains, `walk.rs` the bounded tree walk).
//! Scenarios: `tests/lints/*.py`, each first line `# lints: codes` or `none`.

pub mod edit;
pub mod lints;
pub mod model;
pub mod span;

pub use lints::{Lint, Severity};
pub use model::Model;
pub use span::Span;

/// Reads the model of a script; a script that does not parse gives the
/// lint describing its syntax error (`python2-print` or `syntax-error`).
pub fn read_model(source: &str) -> Result<Model, Box<Lint>> {
    match relplay_py::parse::parse_module(source) {
        Ok(m) => Ok(model::read_module(&m, source)),
        Err(e) => Err(Box::new(lints::syntax::from_error(&e, source))),
    }
}

/// Every lint for a script, in source order.
pub fn lint(source: &str) -> Vec<Lint> {
    lints::run(source)
}
