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

/// Runs `source` as the script at `path` (the path appears in tracebacks and
/// warnings, as CPython prints them).
pub fn run(source: &str, path: &str) -> Run {
    // Placeholder until the interpreter lands on main (same session).
    let _ = (source, path);
    Run {
        stdout: String::new(),
        stderr: "NotImplementedError: the interpreter has not landed yet\n".into(),
        exit: 1,
    }
}
