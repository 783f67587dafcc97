//! Import machinery and the built-in modules. Modules are registered by
//! name with a builder and built on first import.

pub mod math;
pub mod pysrc;
pub mod sys;
pub mod typing;
pub mod warnings;

use std::rc::Rc;

use crate::object::dict::PyDict;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::exc::not_supported;
use crate::vm::Interpreter;

/// Modules that exist in CPython but that the playground does not provide:
/// importing them raises NotImplementedError rather than a misleading
/// ModuleNotFoundError.
const STDLIB: &[&str] = &[
    "os",
    "subprocess",
    "socket",
    "random",
    "time",
    "threading",
    "multiprocessing",
    "asyncio",
    "json",
    "re",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "pickle",
    "copy",
    "string",
    "textwrap",
    "pprint",
    "logging",
    "uuid",
    "hashlib",
    "base64",
    "struct",
    "array",
    "heapq",
    "bisect",
    "operator",
    "contextlib",
    "abc",
    "numbers",
    "fractions",
    "statistics",
    "inspect",
    "traceback",
    "types",
    "weakref",
    "gc",
    "ctypes",
    "urllib",
    "http",
    "email",
    "csv",
    "sqlite3",
    "zipfile",
    "gzip",
    "glob",
    "fnmatch",
    "argparse",
    "getpass",
    "platform",
    "signal",
    "select",
    "queue",
    "sched",
    "secrets",
    "unittest",
    "doctest",
    "timeit",
    "cProfile",
    "profile",
    "locale",
    "codecs",
    "unicodedata",
    "calendar",
    "zoneinfo",
    "importlib",
    "builtins",
    "keyword",
    "token",
    "tokenize",
    "ast",
    "dis",
    "site",
    "sysconfig",
    "shelve",
    "dbm",
    "xml",
    "html",
    "webbrowser",
    "tkinter",
    "turtle",
    "curses",
    "cmath",
    "decimal",
    "datetime",
    "dataclasses",
    "enum",
    "collections",
    "itertools",
    "functools",
    "math",
    "warnings",
    "copyreg",
    "reprlib",
    "graphlib",
    "difflib",
    "errno",
    "atexit",
    "ssl",
    "selectors",
    "mmap",
    "binascii",
    "zlib",
    "lzma",
    "bz2",
    "tarfile",
    "configparser",
    "filecmp",
    "linecache",
    "optparse",
    "pdb",
    "venv",
    "wsgiref",
];

impl Interpreter {
    fn load_module(&mut self, name: &str) -> PyResult<Option<Value>> {
        if let Some(m) = self.modules.get(name) {
            return Ok(Some(m.clone()));
        }
        let Some(b) = self.builders.get(name).cloned() else {
            return Ok(None);
        };
        let mut ns = b(self)?;
        ns.set_str("__name__", Value::str(name));
        let m = Interpreter::new_module(name, ns);
        self.modules.insert(name.to_string(), m.clone());
        Ok(Some(m))
    }

    /// `import name` (returns the top package) or `from name import ...`
    /// (`leaf`: returns the named module itself).
    pub(crate) fn import(&mut self, name: &str, leaf: bool) -> PyResult<Value> {
        if name.starts_with('.') {
            return Err(PyErr::new(
                "ImportError",
                "attempted relative import with no known parent package",
            ));
        }
        let parts: Vec<&str> = name.split('.').collect();
        let mut top = None;
        let mut parent: Option<Value> = None;
        let mut last = Value::None;
        for i in 0..parts.len() {
            let full = parts[..=i].join(".");
            let m = match self.load_module(&full)? {
                Some(m) => m,
                None => {
                    if STDLIB.contains(&parts[0]) {
                        return Err(not_supported(
                            &format!("module '{full}'"),
                            self.current_line(),
                        ));
                    }
                    let e = PyErr::new("ModuleNotFoundError", format!("No module named '{full}'"));
                    e.0.dict.borrow_mut().set_str("name", Value::str(&full));
                    return Err(e);
                }
            };
            if let Some(Value::Module(p)) = &parent {
                p.dict.borrow_mut().set_str(parts[i], m.clone());
            }
            if top.is_none() {
                top = Some(m.clone());
            }
            parent = Some(m.clone());
            last = m;
        }
        Ok(if leaf {
            last
        } else {
            top.unwrap_or(Value::None)
        })
    }

    pub(crate) fn import_from(&mut self, m: &Value, name: &str) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let Value::Module(md) = m else {
            return Err(PyErr::new(
                "ImportError",
                format!("cannot import name '{name}'"),
            ));
        };
        let full = format!("{}.{}", md.name, name);
        if let Some(sub) = self.load_module(&full)? {
            md.dict.borrow_mut().set_str(name, sub.clone());
            return Ok(sub);
        }
        let src = if &*md.name == "__main__" {
            ""
        } else {
            " (unknown location)"
        };
        Err(PyErr::new(
            "ImportError",
            format!("cannot import name '{name}' from '{}'{src}", md.name),
        ))
    }
}

pub fn register_all(interp: &mut Interpreter) {
    interp.register_module("sys", sys::build);
    interp.register_module("typing", typing::build);
    interp.register_module("math", math::build);
    interp.register_module("warnings", warnings::build);
    pysrc::register(interp);
}

/// Runs Python source as the body of module `name` and returns its namespace
/// (for built-in modules written in Python).
pub fn exec_source(interp: &mut Interpreter, name: &str, src: &str) -> PyResult<PyDict> {
    exec_source_into(interp, name, src, PyDict::new())
}

/// Like [`exec_source`], starting from a namespace (native parts of a module).
pub fn exec_source_into(
    interp: &mut Interpreter,
    name: &str,
    src: &str,
    init: PyDict,
) -> PyResult<PyDict> {
    let path = format!("<frozen {name}>");
    let module = crate::parse::parse_module(src).map_err(|e| {
        PyErr::new(
            "SyntaxError",
            format!("{} in {path} line {}", e.msg, e.line),
        )
    })?;
    let code = crate::compile::codegen::compile_module(&module, &path).map_err(|e| {
        PyErr::new(
            "SyntaxError",
            format!("{} in {path} line {}", e.msg, e.line),
        )
    })?;
    let ns = Rc::new(std::cell::RefCell::new(init));
    ns.borrow_mut().set_str("__name__", Value::str(name));
    interp.run_body(code, ns.clone(), ns.clone(), Vec::new())?;
    let d = ns.borrow().clone();
    Ok(d)
}
