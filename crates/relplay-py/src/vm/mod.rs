//! The interpreter: owns the frame stack, the module table, the output
//! buffers and the limits. See the crate docs for the embedding API.

pub mod attr;
pub mod call;
pub mod eval;
pub mod exc;
pub mod frame;
pub mod ops;
pub mod pattern;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::object::dict::PyDict;
use crate::value::{DictRef, Module, PyErr, PyResult, Value};
use frame::Frame;

/// Limits and knobs of one interpreter.
#[derive(Clone, Debug)]
pub struct Config {
    /// Instructions a run may execute before it is stopped (uncatchably).
    pub step_budget: u64,
    /// Python frames allowed on the stack (CPython's default is 1000).
    pub recursion_limit: usize,
    /// Nesting of Rust→Python re-entries (`__repr__`, `__init__`, `key=`),
    /// each of which uses Rust stack; bounded well below wasm's 1 MB.
    pub native_depth_limit: usize,
    /// Largest container/string length a single operation may create.
    pub max_alloc: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            step_budget: 150_000_000,
            recursion_limit: 1000,
            native_depth_limit: 120,
            max_alloc: 50_000_000,
        }
    }
}

/// Receives an event for each new source line executed (the step-by-step view).
pub trait LineHook {
    fn on_line(&mut self, line: u32, depth: usize);
    /// The same event with the interpreter at hand (for tracers that read
    /// program state); the hook is detached while it runs, so Python code it
    /// calls is not traced. Defaults to `on_line`.
    fn on_line_in(&mut self, _interp: &mut Interpreter, line: u32, depth: usize) {
        self.on_line(line, depth)
    }
}

/// Builds a built-in module on first import; returns its namespace.
pub type ModuleBuilder = Rc<dyn Fn(&mut Interpreter) -> PyResult<PyDict>>;

/// What a run printed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The same text in order, each piece tagged with its stream and the
    /// script line that caused it (the page groups the SQL log by line).
    pub events: Vec<OutputEvent>,
}

/// Where a piece of output went: `Sql` is stdout written by the engine's
/// echo log rather than by `print`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
    Sql,
}

/// A piece of output and the line of the main script executing when it was
/// written (0 before the script runs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputEvent {
    pub stream: Stream,
    pub line: u32,
    pub text: String,
    /// The innermost cause pushed with [`Interpreter::push_cause`] when the
    /// text was written (`"lazy load Parent.children"`, `"autoflush"`).
    pub cause: Option<String>,
}

pub struct Interpreter {
    pub(crate) config: Config,
    pub(crate) frames: Vec<Frame>,
    pub(crate) builtins: DictRef,
    pub(crate) modules: HashMap<String, Value>,
    pub(crate) builders: HashMap<String, ModuleBuilder>,
    pub(crate) out: Output,
    pub(crate) steps: u64,
    /// Set when the step budget ran out: unwinding skips every handler.
    pub(crate) aborting: bool,
    /// Set by `Reraise` so the current frame is not added to the traceback twice.
    pub(crate) reraising: bool,
    pub(crate) native_depth: usize,
    pub(crate) repr_depth: usize,
    pub(crate) repr_stack: Vec<u64>,
    pub(crate) hook: Option<Box<dyn LineHook>>,
    /// Why output is being written, innermost last (see `push_cause`).
    pub(crate) causes: Vec<Rc<str>>,
    pub(crate) sources: HashMap<Rc<str>, Rc<Vec<String>>>,
    pub(crate) warnings_seen: HashSet<(String, String, u32)>,
    pub(crate) main_path: Rc<str>,
    pub(crate) warn_filters: Vec<crate::modules::warnings::Filter>,
    pub(crate) warn_saved: Vec<Vec<crate::modules::warnings::Filter>>,
    pub(crate) warn_recorder: Option<Value>,
    /// Suspended generators with a pending `finally`/`with`: when only this
    /// list still holds one, it is garbage and gets closed (see `sweep_generators`).
    pub(crate) live_gens: Vec<Rc<RefCell<crate::value::Generator>>>,
    pub(crate) sweeping: bool,
    /// Step count before which no sweep runs: with many live generators a
    /// sweep costs O(n), so it is spread over n/4 steps.
    pub(crate) next_sweep: u64,
    /// `sys.set_int_max_str_digits()` (0 = no limit).
    pub(crate) int_max_str_digits: usize,
}

impl Interpreter {
    pub fn new(config: Config) -> Interpreter {
        let mut i = Interpreter {
            config,
            frames: Vec::new(),
            builtins: Rc::new(RefCell::new(PyDict::new())),
            modules: HashMap::new(),
            builders: HashMap::new(),
            out: Output::default(),
            steps: 0,
            aborting: false,
            reraising: false,
            native_depth: 0,
            repr_depth: 0,
            repr_stack: Vec::new(),
            hook: None,
            causes: Vec::new(),
            live_gens: Vec::new(),
            sweeping: false,
            next_sweep: 0,
            int_max_str_digits: crate::format::INT_MAX_STR_DIGITS,
            sources: HashMap::new(),
            warnings_seen: HashSet::new(),
            main_path: Rc::from("<string>"),
            warn_filters: Vec::new(),
            warn_saved: Vec::new(),
            warn_recorder: None,
        };
        crate::builtins::install(&mut i);
        crate::modules::register_all(&mut i);
        i
    }

    /// Registers a built-in module, built lazily on first import. Dotted
    /// names (`sqlalchemy.orm`) become attributes of their parent package.
    pub fn register_module(
        &mut self,
        name: &str,
        builder: impl Fn(&mut Interpreter) -> PyResult<PyDict> + 'static,
    ) {
        self.builders.insert(name.to_string(), Rc::new(builder));
    }

    pub fn set_line_hook(&mut self, hook: Option<Box<dyn LineHook>>) {
        self.hook = hook;
    }

    /// Marks output written until the matching `pop_cause` as caused by
    /// `cause` (a library's implicit work, e.g. a lazy load's SQL).
    pub fn push_cause(&mut self, cause: Rc<str>) {
        self.causes.push(cause);
    }
    pub fn pop_cause(&mut self) {
        self.causes.pop();
    }
    /// The innermost cause in effect, if any.
    pub fn cause(&self) -> Option<&str> {
        self.causes.last().map(|c| &**c)
    }

    /// True when the innermost frame runs the main script's code.
    pub fn in_main_script(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|f| f.code.filename == self.main_path)
    }

    pub fn output(&self) -> &Output {
        &self.out
    }
    pub fn take_output(&mut self) -> Output {
        std::mem::take(&mut self.out)
    }
    pub fn write_stdout(&mut self, s: &str) {
        self.out.stdout.push_str(s);
        self.record(Stream::Stdout, s);
    }
    pub fn write_stderr(&mut self, s: &str) {
        self.out.stderr.push_str(s);
        self.record(Stream::Stderr, s);
    }
    /// Stdout written by SQLAlchemy's echo log: the same bytes as a print,
    /// tagged so the page can show SQL apart from prints.
    pub fn write_sql_log(&mut self, s: &str) {
        self.out.stdout.push_str(s);
        self.record(Stream::Sql, s);
    }

    fn record(&mut self, stream: Stream, text: &str) {
        if text.is_empty() {
            return;
        }
        let line = self.script_line();
        let cause = self.causes.last().map(|c| c.to_string());
        // One echo-log write is one log record: SQL events are never merged.
        match self.out.events.last_mut() {
            Some(last)
                if last.stream == stream
                    && last.line == line
                    && stream != Stream::Sql
                    && last.cause == cause =>
            {
                last.text.push_str(text)
            }
            _ => self.out.events.push(OutputEvent {
                stream,
                line,
                text: text.to_string(),
                cause,
            }),
        }
    }

    /// The line executing in the innermost frame of the main script: the
    /// line a learner wrote that led here, even from inside library code.
    pub fn script_line(&self) -> u32 {
        self.frames
            .iter()
            .rev()
            .find(|f| f.code.filename == self.main_path)
            .map(|f| f.line())
            .unwrap_or(0)
    }

    /// The line being executed in the innermost Python frame (for warnings
    /// and errors raised from native code).
    pub fn current_line(&self) -> u32 {
        self.frames.last().map(|f| f.line()).unwrap_or(0)
    }

    pub fn builtins(&self) -> DictRef {
        self.builtins.clone()
    }

    /// Creates a module object from a namespace.
    pub fn new_module(name: &str, mut dict: PyDict) -> Value {
        dict.set_str("__name__", Value::str(name));
        Value::Module(Rc::new(Module {
            name: Rc::from(name),
            dict: Rc::new(RefCell::new(dict)),
        }))
    }

    pub(crate) fn check_alloc(&self, n: usize) -> PyResult<()> {
        if n > self.config.max_alloc {
            Err(PyErr::bare("MemoryError"))
        } else {
            Ok(())
        }
    }
}
