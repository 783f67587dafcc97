//! The facade: the one API the CLI, the web UI and the widget use.
//! `run(source, path)` executes a learner's script and returns what CPython
//! would print, plus (later) the structured facts the UI draws.

/// What one run of a script produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    /// The process exit status CPython would give: 0, or 1 on an uncaught exception.
    pub exit: i32,
}
