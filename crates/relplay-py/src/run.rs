//! Running a script end to end: parse, compile, execute, report.

use std::cell::RefCell;
use std::rc::Rc;

use crate::object::class::{types, Class};
use crate::object::dict::PyDict;
use crate::value::{PyErr, Value};
use crate::vm::frame::Frame;
use crate::vm::Interpreter;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// 0, 1 after an uncaught exception, or the `SystemExit` code.
    pub exit_code: i32,
}

impl Interpreter {
    /// Runs `source` as the `__main__` module at `path`.
    pub fn run_file(&mut self, source: &str, path: &str) -> Outcome {
        let path: Rc<str> = Rc::from(path);
        self.main_path = path.clone();
        self.sources.insert(
            path.clone(),
            Rc::new(source.lines().map(String::from).collect()),
        );
        let module = match crate::parse::parse_module(source) {
            Ok(m) => m,
            Err(e) => {
                let s = crate::traceback::format_syntax_error(&e, &path);
                self.write_stderr(&s);
                return Outcome { exit_code: 1 };
            }
        };
        let code = match crate::compile::codegen::compile_module(&module, &path) {
            Ok(c) => c,
            Err(e) => {
                let text = source
                    .lines()
                    .nth(e.line.saturating_sub(1) as usize)
                    .map(String::from);
                let se = crate::parse::SyntaxError {
                    kind: crate::parse::SyntaxErrorKind::SyntaxError,
                    msg: e.msg,
                    line: e.line,
                    col: 1,
                    end_line: e.line,
                    end_col: 1,
                    text,
                };
                let s = crate::traceback::format_syntax_error(&se, &path);
                self.write_stderr(&s);
                return Outcome { exit_code: 1 };
            }
        };
        let globals = Rc::new(RefCell::new(PyDict::new()));
        {
            let mut g = globals.borrow_mut();
            g.set_str("__name__", Value::str("__main__"));
            g.set_str("__file__", Value::Str(path.clone()));
            g.set_str("__doc__", Value::None);
            g.set_str(
                "__builtins__",
                Interpreter::new_module("builtins", self.builtins.borrow().clone()),
            );
        }
        let main = Value::Module(Rc::new(crate::value::Module {
            name: Rc::from("__main__"),
            dict: globals.clone(),
        }));
        self.modules.insert("__main__".into(), main);
        let frame = Frame {
            fast: vec![None; code.varnames.len()],
            code,
            pc: 0,
            stack: Vec::new(),
            cells: Vec::new(),
            globals: globals.clone(),
            locals: Some(globals),
            handlers: Vec::new(),
            exc_stack: Vec::new(),
        };
        self.steps = 0;
        self.aborting = false;
        let r = self.run_frame(frame);
        self.frames.clear();
        // Deeply nested data would overflow the Rust stack when dropped
        // recursively; the script is over, so leak its namespace instead.
        if let Some(m) = self.modules.remove("__main__") {
            std::mem::forget(m);
        }
        match r {
            Ok(_) => Outcome { exit_code: 0 },
            Err(e) => self.report(e),
        }
    }

    fn report(&mut self, e: PyErr) -> Outcome {
        if e.is_instance_of("SystemExit") && !self.aborting {
            let args = e.args();
            let code = match args.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(n)) => *n as i32,
                Some(Value::Bool(b)) => *b as i32,
                Some(other) => {
                    let s = self.str(other).unwrap_or_default();
                    self.write_stderr(&format!("{s}\n"));
                    1
                }
            };
            return Outcome { exit_code: code };
        }
        let s = self.format_exception(&e);
        self.write_stderr(&s);
        Outcome { exit_code: 1 }
    }

    /// Creates an exception class `module.name` deriving from `base`.
    pub fn new_exception_class(&mut self, name: &str, module: &str, base: &Rc<Class>) -> Rc<Class> {
        let mut d = PyDict::new();
        d.set_str("__module__", Value::str(module));
        d.set_str("__doc__", Value::None);
        Class::new(name, vec![base.clone()], d, false).unwrap_or_else(|_| types().exc("Exception"))
    }

    /// Creates a class for native objects (`type(x)` of a `NativeObject`).
    pub fn new_native_class(
        &mut self,
        name: &str,
        module: &str,
        bases: Vec<Rc<Class>>,
    ) -> Rc<Class> {
        let mut d = PyDict::new();
        d.set_str("__module__", Value::str(module));
        let bases = if bases.is_empty() {
            vec![types().object.clone()]
        } else {
            bases
        };
        Class::new(name, bases, d, false).unwrap_or_else(|_| types().object.clone())
    }
}
