//! Engine and Connection objects.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use relplay_orm::engine::{Clock, EchoLog};
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};
use relplay_store::Database;

use crate::util::{cast, kw_get, native, native_class, this, truthy};

/// A deterministic clock: the oracle masks timings, and wasm has no clock.
#[derive(Default)]
pub struct TickClock(Cell<f64>);

impl Clock for TickClock {
    fn now(&self) -> f64 {
        let t = self.0.get() + 0.00001;
        self.0.set(t);
        t
    }
}

pub struct EngineInner {
    pub db: RefCell<Database>,
    pub echo: Cell<bool>,
    pub log: RefCell<EchoLog>,
    pub clock: TickClock,
    pub url: String,
}

pub struct EngineObj(pub Rc<EngineInner>);

impl NativeObject for EngineObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "Engine",
            "sqlalchemy.engine.base",
            &[
                ("connect", engine_connect),
                ("begin", engine_begin),
                ("dispose", |_, _, _| Ok(Value::None)),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(match name {
            "echo" => Some(Value::Bool(self.0.echo.get())),
            "url" => Some(Value::str(&self.0.url)),
            "dialect" => Some(crate::util::native(DialectObj)),
            _ => None,
        })
    }
    fn setattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
        v: Value,
    ) -> PyResult<bool> {
        if name == "echo" {
            let on = truthy(interp, &Some(v))?;
            self.0.echo.set(on);
            return Ok(true);
        }
        Ok(false)
    }
    fn repr(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(format!("Engine({})", self.0.url)))
    }
}

pub fn engine_of(v: &Value) -> Option<Rc<EngineInner>> {
    if let Some(e) = cast::<EngineObj>(v) {
        return Some(e.0.clone());
    }
    cast::<ConnectionObj>(v).map(|c| c.engine.clone())
}

pub fn create_engine(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let url = match args.first().cloned().or_else(|| kw_get(&kw, "url")) {
        Some(Value::Str(s)) => s.to_string(),
        _ => {
            return Err(crate::util::type_error(
                "create_engine() missing required argument 'url'",
            ))
        }
    };
    if !(url == "sqlite://" || url == "sqlite:///:memory:" || url.starts_with("sqlite://")) {
        return Err(crate::util::not_supported(
            interp,
            &format!("create_engine({url:?}) (only SQLite)"),
        ));
    }
    if url != "sqlite://" && url != "sqlite:///:memory:" {
        return Err(crate::util::not_supported(
            interp,
            "a file-backed SQLite database (use sqlite:///:memory:)",
        ));
    }
    let mut echo = false;
    for (k, v) in &kw {
        match &**k {
            "echo" => echo = truthy(interp, &Some(v.clone()))?,
            "future" | "url" => {}
            other => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("create_engine({other}=...)"),
                ))
            }
        }
    }
    Ok(native(EngineObj(Rc::new(EngineInner {
        db: RefCell::new(Database::new()),
        echo: Cell::new(echo),
        log: RefCell::new(EchoLog::new()),
        clock: TickClock::default(),
        url,
    }))))
}

/// A Connection: autobegins a transaction on first execute.
pub struct ConnectionObj {
    pub engine: Rc<EngineInner>,
    pub begun: Cell<bool>,
    /// `engine.begin()` blocks commit on a clean exit.
    pub commit_on_exit: bool,
}

fn engine_connect(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let e = this::<EngineObj>(&args, "Engine")?.0.clone();
    Ok(native(ConnectionObj {
        engine: e,
        begun: Cell::new(false),
        commit_on_exit: false,
    }))
}

fn engine_begin(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let e = this::<EngineObj>(&args, "Engine")?.0.clone();
    crate::engine::default::log_begin(interp, &e);
    Ok(native(ConnectionObj {
        engine: e,
        begun: Cell::new(true),
        commit_on_exit: true,
    }))
}

impl ConnectionObj {
    pub fn autobegin(&self, interp: &mut Interpreter) {
        if !self.begun.get() {
            self.begun.set(true);
            crate::engine::default::log_begin(interp, &self.engine);
        }
    }
}

fn conn_execute(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let c = this::<ConnectionObj>(&args, "Connection")?;
    c.autobegin(interp);
    let stmt = args.get(1).cloned().unwrap_or(Value::None);
    let params = args.get(2).cloned().or_else(|| kw_get(&kw, "parameters"));
    crate::engine::default::execute_core(interp, &c.engine, &stmt, params)
}

fn conn_commit(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<ConnectionObj>(&args, "Connection")?;
    if c.begun.replace(false) {
        crate::engine::default::log_commit(interp, &c.engine);
    }
    Ok(Value::None)
}

fn conn_rollback(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<ConnectionObj>(&args, "Connection")?;
    if c.begun.replace(false) {
        crate::engine::default::log_rollback(interp, &c.engine);
    }
    Ok(Value::None)
}

fn conn_enter(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn conn_exit(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let c = this::<ConnectionObj>(&args, "Connection")?;
    let failed = !matches!(args.get(1), None | Some(Value::None));
    if c.begun.replace(false) {
        if c.commit_on_exit && !failed {
            crate::engine::default::log_commit(interp, &c.engine);
        } else {
            crate::engine::default::log_rollback(interp, &c.engine);
        }
    }
    Ok(Value::Bool(false))
}

impl NativeObject for ConnectionObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "Connection",
            "sqlalchemy.engine.base",
            &[
                ("execute", conn_execute),
                ("commit", conn_commit),
                ("rollback", conn_rollback),
                ("close", conn_rollback),
                ("__enter__", conn_enter),
                ("__exit__", conn_exit),
            ],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `engine.dialect`: SQLite via pysqlite.
pub struct DialectObj;

impl NativeObject for DialectObj {
    fn class(&self) -> Rc<Class> {
        native_class(
            "SQLiteDialect_pysqlite",
            "sqlalchemy.dialects.sqlite.pysqlite",
            &[],
        )
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(&self, _i: &mut Interpreter, _me: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "name" => Some(Value::str("sqlite")),
            "driver" => Some(Value::str("pysqlite")),
            "supports_sequences" | "supports_native_enum" | "supports_native_boolean" => {
                Some(Value::Bool(false))
            }
            "paramstyle" => Some(Value::str("qmark")),
            _ => None,
        })
    }
}
