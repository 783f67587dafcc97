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
//! use relplay_py::{Interpreter, Config};
//! let mut interp = Interpreter::new(Config::default());
//! let outcome = interp.run_file("print(1 + 1)\n", "main.py");
//! assert_eq!(outcome.exit_code, 0);
//! assert_eq!(interp.output().stdout, "2\n");
//! ```
//!
//! - `Interpreter::new(Config { step_budget, recursion_limit, native_depth_limit, max_alloc })`
//! - `interp.register_module("pkg.mod", |interp| -> PyResult<PyDict>)`: lazily
//!   built on first import; dotted names become attributes of their parent.
//! - `interp.run_file(source, path) -> Outcome { exit_code }`; output in
//!   `interp.output()` / `interp.take_output()` (stdout, stderr strings).
//! - `interp.set_line_hook(Some(Box<dyn LineHook>))`: `on_line(line, depth)`
//!   for every new source line executed.
//! - Native extension: [`object::native::NativeObject`] (protocol hooks with
//!   defaults), `Interpreter::new_native_class`, `builtins::builtin` (native
//!   functions), `builtins::args::parse` (positional/keyword parsing),
//!   `Interpreter::new_exception_class(name, module, base)`, `PyErr::new` /
//!   `PyErr::from_class` (raise), `Interpreter::call` (call any Python
//!   callable), `Interpreter::warn`, `Interpreter::current_line`.
//!
//! The step budget stops a run with `RuntimeError: the script ran longer
//! than the playground's step budget (N steps)`; once it fires, no `except`
//! or `finally` runs (so `except Exception` cannot swallow it).

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
pub use vm::{Config, Interpreter, LineHook, Output};
