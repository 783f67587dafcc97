//! The embedding API the SQLAlchemy emulation builds on: native classes,
//! descriptors, operator overloading returning non-bools, modules, exceptions
//! and warnings created from Rust.

use std::any::Any;
use std::rc::Rc;

use relplay_py::ast::CmpOp;
use relplay_py::builtins::builtin;
use relplay_py::object::class::{types, Class};
use relplay_py::object::native::NativeObject;
use relplay_py::{Config, Interpreter, PyDict, PyErr, PyResult, Value};

struct Column {
    class: Rc<Class>,
    name: String,
}

struct Expr {
    class: Rc<Class>,
    text: String,
}

impl NativeObject for Expr {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn repr(&self, _: &mut Interpreter, _: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("<expr {}>", self.text)))
    }
}

impl NativeObject for Column {
    fn class(&self) -> Rc<Class> {
        self.class.clone()
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn is_descriptor(&self) -> bool {
        true
    }
    fn is_data_descriptor(&self) -> bool {
        true
    }
    fn descr_get(
        &self,
        _: &mut Interpreter,
        me: &Value,
        instance: &Value,
        _: &Value,
    ) -> PyResult<Option<Value>> {
        match instance {
            Value::None => Ok(Some(me.clone())),
            Value::Instance(i) => Ok(Some(
                i.dict.borrow().get_str(&self.name).unwrap_or(Value::None),
            )),
            _ => Ok(None),
        }
    }
    fn descr_set(
        &self,
        _: &mut Interpreter,
        _: &Value,
        instance: &Value,
        v: Value,
    ) -> PyResult<bool> {
        if let Value::Instance(i) = instance {
            i.dict.borrow_mut().set_str(&self.name, v);
        }
        Ok(true)
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        let sym = match op {
            CmpOp::Eq => "=",
            CmpOp::Lt => "<",
            _ => return Ok(None),
        };
        let rhs = interp.repr(other)?;
        let class = interp.new_native_class("BinaryExpression", "sqla.sql", vec![]);
        Ok(Some(Value::Native(Rc::new(Expr {
            class,
            text: format!("{} {} {}", self.name, sym, rhs),
        }))))
    }
    fn repr(&self, _: &mut Interpreter, _: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("Column({:?})", self.name)))
    }
}

fn run(src: &str) -> (String, String, i32) {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut i = Interpreter::new(Config::default());
            i.register_module("sqla", |_| Ok(PyDict::new()));
            i.register_module("sqla.orm", |interp| {
                let mut d = PyDict::new();
                let col_class = interp.new_native_class("Column", "sqla.orm", vec![]);
                d.set_str(
                    "column",
                    builtin("column", move |_, a, _| {
                        let name = match a.first() {
                            Some(Value::Str(s)) => s.to_string(),
                            _ => "?".into(),
                        };
                        Ok(Value::Native(Rc::new(Column {
                            class: col_class.clone(),
                            name,
                        })))
                    }),
                );
                let err = interp.new_exception_class(
                    "InvalidRequestError",
                    "sqla.exc",
                    &types().exc("Exception"),
                );
                let err2 = err.clone();
                d.set_str("InvalidRequestError", Value::Class(err));
                d.set_str(
                    "fail",
                    builtin("fail", move |_, _, _| {
                        Err(PyErr::from_class(&err2, vec![Value::str("no session")]))
                    }),
                );
                d.set_str(
                    "legacy",
                    builtin("legacy", |interp, _, _| {
                        let cat = types().exc("DeprecationWarning");
                        interp.warn(&types().exc("UserWarning"), "legacy API", 1)?;
                        let _ = cat;
                        Ok(Value::None)
                    }),
                );
                Ok(d)
            });
            let o = i.run_file(&src, "main.py");
            let out = i.take_output();
            (out.stdout, out.stderr, o.exit_code)
        })
        .expect("thread")
        .join()
        .expect("no panic")
}

#[test]
fn native_descriptor_and_operators() {
    let src = "import sqla.orm\nfrom sqla.orm import column\nclass User:\n    name = column('name')\nu = User()\nu.name = 'ann'\nprint(u.name, User.name, User.name == 'x', User.name < 3)\nprint(type(User.name).__name__, sqla.orm.column)\n";
    let (o, e, c) = run(src);
    assert_eq!(e, "");
    assert_eq!(c, 0);
    assert_eq!(o, "ann Column(\"name\") <expr name = 'x'> <expr name < 3>\nColumn <built-in function column>\n");
}

#[test]
fn native_exceptions_are_module_qualified() {
    let (o, e, c) = run("from sqla.orm import fail, InvalidRequestError\ntry:\n    fail()\nexcept InvalidRequestError as x:\n    print('caught', x)\nfail()\n");
    assert_eq!(o, "caught no session\n");
    assert_eq!(c, 1);
    assert!(e.ends_with("  File \"main.py\", line 6, in <module>\n    fail()\nsqla.exc.InvalidRequestError: no session\n"), "{e}");
}

#[test]
fn native_warnings() {
    let (_, e, _) = run("from sqla.orm import legacy\nlegacy()\nlegacy()\n");
    assert_eq!(e, "main.py:2: UserWarning: legacy API\n  legacy()\nmain.py:3: UserWarning: legacy API\n  legacy()\n");
}

#[test]
fn line_hook_sees_lines() {
    use std::cell::RefCell;
    struct H(Rc<RefCell<Vec<(u32, usize)>>>);
    impl relplay_py::LineHook for H {
        fn on_line(&mut self, line: u32, depth: usize) {
            self.0.borrow_mut().push((line, depth));
        }
    }
    let seen = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let log = Rc::new(RefCell::new(Vec::new()));
            let mut i = Interpreter::new(Config::default());
            i.set_line_hook(Some(Box::new(H(log.clone()))));
            i.run_file("def f():\n    return 1\nx = f()\ny = 2\n", "main.py");
            let v = log.borrow().clone();
            v
        })
        .expect("thread")
        .join()
        .expect("no panic");
    assert_eq!(seen, vec![(1, 1), (3, 1), (2, 2), (4, 1)]);
}

#[test]
fn output_events_carry_the_innermost_cause() {
    let mut i = Interpreter::new(Config::default());
    i.write_sql_log("SELECT 1\n");
    i.push_cause(Rc::from("lazy load P.c"));
    i.push_cause(Rc::from("autoflush"));
    assert_eq!(i.cause(), Some("autoflush"));
    i.write_sql_log("INSERT\n");
    i.pop_cause();
    i.write_sql_log("SELECT 2\n");
    i.pop_cause();
    let causes: Vec<_> = i.output().events.iter().map(|e| e.cause.clone()).collect();
    assert_eq!(
        causes,
        vec![
            None,
            Some("autoflush".to_string()),
            Some("lazy load P.c".to_string())
        ]
    );
}

#[test]
fn the_interpreter_aware_hook_sees_only_what_it_asks_for() {
    use std::cell::RefCell;
    struct H(Rc<RefCell<Vec<(u32, bool)>>>);
    impl relplay_py::LineHook for H {
        fn on_line(&mut self, _line: u32, _depth: usize) {}
        fn on_line_in(&mut self, interp: &mut Interpreter, line: u32, _depth: usize) {
            // Python run from inside the hook is not traced (the hook is detached)
            let _ = interp.repr(&relplay_py::Value::Int(1));
            self.0.borrow_mut().push((line, interp.in_main_script()));
        }
    }
    let seen = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            let log = Rc::new(RefCell::new(Vec::new()));
            let mut i = Interpreter::new(Config::default());
            i.set_line_hook(Some(Box::new(H(log.clone()))));
            i.run_file("x = 1\ny = 2\n", "main.py");
            let v = log.borrow().clone();
            v
        })
        .expect("thread")
        .join()
        .expect("no panic");
    assert_eq!(seen, vec![(1, true), (2, true)]);
}
