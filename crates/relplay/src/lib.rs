//! The facade: the one API the CLI, the web UI and the widget use.
//! `run(source, path)` executes a learner's script and returns what CPython
//! would print, plus (later) the structured facts the UI draws.

use relplay_py::{Config, Interpreter};

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
    let mut interp = Interpreter::new(Config::default());
    relplay_sqlalchemy::install(&mut interp);
    let outcome = interp.run_file(source, path);
    let output = interp.take_output();
    Run {
        stdout: output.stdout,
        stderr: output.stderr,
        exit: outcome.exit_code,
    }
}

/// Runs a script given as raw bytes, decoding them as CPython decodes a
/// source file (UTF-8, optional BOM); undecodable bytes are CPython's
/// `SyntaxError: Non-UTF-8 code ...`.
pub fn run_bytes(bytes: &[u8], path: &str) -> Run {
    let bytes = bytes
        .strip_prefix(b"\xEF\xBB\xBF".as_slice())
        .unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(source) => run(source, path),
        Err(e) => {
            let at = e.valid_up_to();
            let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
            Run {
                stdout: String::new(),
                stderr: format!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                    bytes[at]
                ),
                exit: 1,
            }
        }
    }
}
