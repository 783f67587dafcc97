//! The Python-subset front end and evaluator of relplay.
//!
//! - [`ast`]: the syntax tree, with spans on every node.
//! - [`parse`]: source text → [`ast::Module`], or a CPython-worded `SyntaxError`.
//! - [`format`]: CPython's text formatting rules as pure functions.
//! - [`compile`]: symbol tables and bytecode; [`vm`]: the interpreter.
//!
//! # Embedding
//!
//! ```
//! use relplay_py::{Config, Interpreter};
//! let mut interp = Interpreter::new(Config::default());
//! let outcome = interp.run_file("print(1 + 1)\n", "main.py");
//! assert_eq!(outcome.exit_code, 0);
//! assert_eq!(interp.output().stdout, "2\n");
//! ```
//!
//! - `Interpreter::new(Config { step_budget, recursion_limit, native_depth_limit, max_alloc })`
//!   (`Config::default()`: 150M steps ≈ 1.5 s native release, 1000 frames,
//!   120 nested native→Python re-entries, 50M-element allocations).
//! - `interp.register_module("pkg.mod", |interp| -> PyResult<PyDict>)`: built
//!   lazily on first import; dotted names become attributes of their parent.
//!   `modules::exec_source(interp, name, python_src)` builds a namespace
//!   from Python source (most of the stdlib here is written that way).
//! - `interp.run_file(source, path) -> Outcome { exit_code }`; what the script
//!   printed is in `interp.output()` / `interp.take_output()` (`Output { stdout, stderr }`).
//!   Uncaught exceptions, SyntaxErrors and warnings are written to stderr in
//!   CPython's format; `SystemExit` sets the exit code.
//! - `interp.set_line_hook(Some(Box<dyn LineHook>))`: `on_line(line, depth)`
//!   at the start of every statement executed (and each loop iteration);
//!   `on_line_in(interp, line, depth)` gets the interpreter too (the hook is
//!   detached meanwhile) and can ask `interp.in_main_script()`.
//! - `interp.push_cause(..)` / `pop_cause()`: output written in between is
//!   tagged with the innermost cause (`OutputEvent::cause`), e.g. the SQL of
//!   a lazy load.
//!
//! Native extension API (for the SQLAlchemy emulation):
//! - [`object::native::NativeObject`]: a trait whose hooks (getattr/setattr,
//!   call, repr/str, iter/next, len, getitem/setitem, contains, richcompare and
//!   binop returning any value, hash, bool, descriptor get/set/delete) all
//!   default to "not supported"; wrap in `Value::Native(Rc<..>)`.
//! - `Interpreter::new_native_class(name, module, bases)` → `Rc<Class>` for
//!   `type(x)`; put methods in `class.dict` with [`builtins::method`].
//! - [`builtins::builtin`] / [`builtins::method`]: native functions
//!   `Fn(&mut Interpreter, Vec<Value>, Vec<(Rc<str>, Value)>) -> PyResult<Value>`;
//!   [`builtins::args::parse`] matches positional/keyword arguments.
//! - `Interpreter::new_exception_class(name, module, base)`; raise with
//!   `Err(PyErr::from_class(&cls, args))` or `PyErr::new("TypeError", msg)`.
//!   Tracebacks print `module.Name: msg` unless the module is builtins/__main__.
//! - `Interpreter::call(&callable, args, kwargs)` (also `call_method`,
//!   `getattr`, `setattr`, `repr`, `str`, `format`, `hash`, `eq`,
//!   `richcompare`, `binary_op`, `truthy`, `iter`/`next`/`collect_iter`,
//!   `getitem`/`setitem`, `isinstance`).
//! - `Interpreter::warn(&category, message, stacklevel)`; `current_line()`.
//!
//! # Limits
//!
//! The step budget stops a run with `RuntimeError: the script ran longer
//! than the playground's step budget (N steps)`; once it fires no `except` or
//! `finally` runs, so `except Exception` cannot swallow it. Python→Python
//! calls do not use the Rust stack (frames live in a `Vec`); native
//! re-entries (`__repr__`, `__eq__`, `__init__`, `key=`, generators) are
//! bounded by `native_depth_limit` and raise RecursionError. Valid Python the
//! playground does not run raises `NotImplementedError: ... is not supported
//! in the playground (line N)`.

pub mod ast;
pub mod builtins;
pub mod compile;
pub mod format;
pub mod modules;
pub mod object;
pub mod parse;
pub mod run;
pub mod traceback;
pub mod value;
pub mod vm;

pub use object::dict::PyDict;
pub use run::Outcome;
pub use value::{PyErr, PyResult, Value};
pub use vm::{Config, Interpreter, LineHook, Output, OutputEvent, Stream};
