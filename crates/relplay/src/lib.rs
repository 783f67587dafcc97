//! The facade: the one API the CLI, the web UI and the widget use.
//! `run(source, path)` executes a learner's script and returns what CPython
//! would print, plus the structured facts the UI draws: output events
//! tagged with the script line that caused them, and (without running
//! anything) the static model of the script and the lints that explain the
//! classic mistakes.

use relplay_py::{Config, Interpreter, Stream};
use serde::Serialize;

pub mod compare;
pub mod trace;
pub use compare::{compare, LineCell, Variant};
pub use trace::Trace;

pub use relplay_lab::{Lint, Model, Severity};

mod model;
mod tracer;

use std::cell::RefCell;
use std::rc::Rc;

/// What one run of a script produced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    /// The process exit status CPython would give: 0, or 1 on an uncaught exception.
    pub exit: i32,
    /// stdout and stderr again, in order, split by stream (`"stdout"`,
    /// `"stderr"`, or `"sql"` for the echo log) and by the script line
    /// executing when they were written.
    pub events: Vec<Event>,
    /// The model and step trace, for a traced run (see [`trace`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trace: Option<Trace>,
}

/// A piece of output with the script line that caused it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Event {
    pub stream: &'static str,
    pub line: u32,
    pub text: String,
    /// For SQL: what caused the statement when it was not the line's own
    /// call — `"lazy load Parent.children"`, `"autoflush"`, `"refresh Parent.name"`
    /// (an expired attribute reloaded), `"selectin load Parent.children"`,
    /// `"subquery load ..."`, `"immediate load ..."` (an eager strategy's
    /// extra statement), `"dynamic load ..."` (iterating a dynamic
    /// relationship). A joined load is part of the line's own query. Set in
    /// `run` and `run_traced` alike.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
}

/// Runs `source` as the script at `path` (the path appears in tracebacks and
/// warnings, as CPython prints them).
pub fn run(source: &str, path: &str) -> Run {
    let mut interp = Interpreter::new(Config::default());
    relplay_sqlalchemy::install(&mut interp);
    let outcome = interp.run_file(source, path);
    collect(&mut interp, outcome.exit_code)
}

/// [`run`] plus the step trace and the runtime mapped model
/// (`Run::trace`, see [`trace`]). Output and events are identical to
/// `run`'s: tracing only reads program state, it never loads or changes it.
/// Steps, objects and snapshots are capped (see [`trace`]), then
/// `Trace::truncated` is set and later steps are dropped.
pub fn run_traced(source: &str, path: &str) -> Run {
    let mut interp = Interpreter::new(Config::default());
    relplay_sqlalchemy::install(&mut interp);
    relplay_sqlalchemy::orm::trace::start();
    let build = Rc::new(RefCell::new(tracer::Build::default()));
    interp.set_line_hook(Some(Box::new(tracer::Hook(build.clone()))));
    let outcome = interp.run_file(source, path);
    interp.set_line_hook(None);
    let mut trace = tracer::finish(&mut interp, &build);
    let mut run = collect(&mut interp, outcome.exit_code);
    trace.model = model::configured_model(&mut interp);
    run.trace = Some(trace);
    run
}

fn collect(interp: &mut Interpreter, exit: i32) -> Run {
    let output = interp.take_output();
    let events = output
        .events
        .into_iter()
        .map(|e| Event {
            stream: match e.stream {
                Stream::Stdout => "stdout",
                Stream::Stderr => "stderr",
                Stream::Sql => "sql",
            },
            line: e.line,
            text: e.text,
            cause: e.cause,
        })
        .collect();
    Run {
        stdout: output.stdout,
        stderr: output.stderr,
        exit,
        events,
        trace: None,
    }
}

/// The lints of a script, in source order, from its text alone (nothing runs).
pub fn lint(source: &str) -> Vec<Lint> {
    relplay_lab::lint(source)
}

/// The models a script declares, read from its text alone (nothing runs).
pub fn model(source: &str) -> Result<Model, Box<Lint>> {
    relplay_lab::read_model(source)
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
            let stderr = format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n",
                bytes[at]
            );
            Run {
                events: vec![Event {
                    stream: "stderr",
                    line: 0,
                    text: stderr.clone(),
                    cause: None,
                }],
                stdout: String::new(),
                stderr,
                exit: 1,
                trace: None,
            }
        }
    }
}

#[cfg(test)]
mod trace_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_carry_stream_and_script_line() {
        let src = "def f():\n    print('in f')\nprint('a')\nf()\nimport sys\nprint('e', file=sys.stderr)\n";
        let run = run(src, "/s.py");
        let got: Vec<_> = run
            .events
            .iter()
            .map(|e| (e.stream, e.line, e.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("stdout", 3, "a\n"),
                ("stdout", 2, "in f\n"),
                ("stderr", 6, "e\n")
            ]
        );
        let joined: String = run
            .events
            .iter()
            .filter(|e| e.stream != "stderr")
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(joined, run.stdout);
    }

    #[test]
    fn echo_log_is_tagged_as_sql_one_record_per_event() {
        let src = "from sqlalchemy import create_engine, text\ne = create_engine('sqlite:///:memory:', echo=True)\nwith e.connect() as c:\n    print(c.execute(text('select 1')).all())\n";
        let run = run(src, "/s.py");
        assert_eq!(run.exit, 0, "{}", run.stderr);
        let sql: Vec<_> = run
            .events
            .iter()
            .filter(|e| e.stream == "sql")
            .map(|e| (e.line, e.text.as_str()))
            .collect();
        assert_eq!(sql[0], (4, "BEGIN (implicit)\n"));
        assert_eq!(sql[1], (4, "select 1\n"));
        assert!(sql[2].1.starts_with("[generated in "), "{sql:?}");
        let prints: Vec<_> = run
            .events
            .iter()
            .filter(|e| e.stream == "stdout")
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(prints, ["[(1,)]\n"]);
    }

    #[test]
    fn undecodable_source_is_cpythons_syntax_error() {
        let run = run_bytes(b"print(1)\n\xff\n", "/s.py");
        assert_eq!(run.exit, 1);
        assert!(run.stderr.starts_with(
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file /s.py on line 2"
        ));
        assert_eq!(run.events.len(), 1);
    }
}
