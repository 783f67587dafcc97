//! `sqlalchemy.exc` and `sqlalchemy.orm.exc`: the exception hierarchy.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use relplay_py::object::class::{types, Class};
use relplay_py::object::dict::PyDict;
use relplay_py::{PyErr, Value};

/// (name, base, module) in definition order (bases first).
const HIERARCHY: &[(&str, &str, &str)] = &[
    ("SQLAlchemyError", "Exception", "sqlalchemy.exc"),
    ("ArgumentError", "SQLAlchemyError", "sqlalchemy.exc"),
    ("NoForeignKeysError", "ArgumentError", "sqlalchemy.exc"),
    (
        "AmbiguousForeignKeysError",
        "ArgumentError",
        "sqlalchemy.exc",
    ),
    (
        "CircularDependencyError",
        "SQLAlchemyError",
        "sqlalchemy.exc",
    ),
    ("CompileError", "SQLAlchemyError", "sqlalchemy.exc"),
    ("InvalidRequestError", "SQLAlchemyError", "sqlalchemy.exc"),
    ("NoSuchTableError", "InvalidRequestError", "sqlalchemy.exc"),
    ("NoReferenceError", "InvalidRequestError", "sqlalchemy.exc"),
    (
        "NoReferencedTableError",
        "NoReferenceError",
        "sqlalchemy.exc",
    ),
    (
        "NoReferencedColumnError",
        "NoReferenceError",
        "sqlalchemy.exc",
    ),
    ("NoResultFound", "InvalidRequestError", "sqlalchemy.exc"),
    (
        "NoInspectionAvailable",
        "InvalidRequestError",
        "sqlalchemy.exc",
    ),
    (
        "UnboundExecutionError",
        "InvalidRequestError",
        "sqlalchemy.exc",
    ),
    (
        "MultipleResultsFound",
        "InvalidRequestError",
        "sqlalchemy.exc",
    ),
    (
        "ResourceClosedError",
        "InvalidRequestError",
        "sqlalchemy.exc",
    ),
    (
        "PendingRollbackError",
        "InvalidRequestError",
        "sqlalchemy.exc",
    ),
    ("StatementError", "SQLAlchemyError", "sqlalchemy.exc"),
    ("DBAPIError", "StatementError", "sqlalchemy.exc"),
    ("InterfaceError", "DBAPIError", "sqlalchemy.exc"),
    ("DatabaseError", "DBAPIError", "sqlalchemy.exc"),
    ("DataError", "DatabaseError", "sqlalchemy.exc"),
    ("OperationalError", "DatabaseError", "sqlalchemy.exc"),
    ("IntegrityError", "DatabaseError", "sqlalchemy.exc"),
    ("InternalError", "DatabaseError", "sqlalchemy.exc"),
    ("ProgrammingError", "DatabaseError", "sqlalchemy.exc"),
    ("NotSupportedError", "DatabaseError", "sqlalchemy.exc"),
    ("SAWarning", "RuntimeWarning", "sqlalchemy.exc"),
    (
        "SADeprecationWarning",
        "DeprecationWarning",
        "sqlalchemy.exc",
    ),
    ("MovedIn20Warning", "SADeprecationWarning", "sqlalchemy.exc"),
    ("LegacyAPIWarning", "SADeprecationWarning", "sqlalchemy.exc"),
    (
        "DetachedInstanceError",
        "SQLAlchemyError",
        "sqlalchemy.orm.exc",
    ),
    // the driver's own classes, for `DBAPIError.orig`
    ("sqlite3.Error", "Exception", "sqlite3"),
    ("sqlite3.DatabaseError", "sqlite3.Error", "sqlite3"),
    ("sqlite3.IntegrityError", "sqlite3.DatabaseError", "sqlite3"),
    (
        "sqlite3.OperationalError",
        "sqlite3.DatabaseError",
        "sqlite3",
    ),
    (
        "sqlite3.ProgrammingError",
        "sqlite3.DatabaseError",
        "sqlite3",
    ),
    ("sqlite3.InterfaceError", "sqlite3.Error", "sqlite3"),
    ("sqlite3.DataError", "sqlite3.DatabaseError", "sqlite3"),
    (
        "ObjectDeletedError",
        "InvalidRequestError",
        "sqlalchemy.orm.exc",
    ),
    ("StaleDataError", "SQLAlchemyError", "sqlalchemy.orm.exc"),
    (
        "UnmappedInstanceError",
        "InvalidRequestError",
        "sqlalchemy.orm.exc",
    ),
    (
        "UnmappedClassError",
        "InvalidRequestError",
        "sqlalchemy.orm.exc",
    ),
    ("FlushError", "SQLAlchemyError", "sqlalchemy.orm.exc"),
];

thread_local! {
    static EXC: RefCell<HashMap<&'static str, Rc<Class>>> = RefCell::new(HashMap::new());
}

fn build() {
    if EXC.with(|m| !m.borrow().is_empty()) {
        return;
    }
    let t = types();
    let mut made: HashMap<&'static str, Rc<Class>> = HashMap::new();
    for (name, base, module) in HIERARCHY {
        let b = made.get(base).cloned().unwrap_or_else(|| t.exc(base));
        let mut d = PyDict::new();
        d.set_str("__module__", Value::str(module));
        d.set_str("__doc__", Value::None);
        let short = name.rsplit('.').next().unwrap_or(name);
        let c = Class::new(short, vec![b], d, false).unwrap_or_else(|_| t.exc("Exception"));
        made.insert(name, c);
    }
    EXC.with(|m| *m.borrow_mut() = made);
}

pub fn class(name: &str) -> Rc<Class> {
    build();
    EXC.with(|m| m.borrow().get(name).cloned())
        .unwrap_or_else(|| types().exc("Exception"))
}

pub fn raise(name: &str, msg: &str) -> PyErr {
    PyErr::from_class(&class(name), vec![Value::str(msg)])
}

/// The namespace of `sqlalchemy.exc` or `sqlalchemy.orm.exc`.
pub fn module_dict(module: &str) -> PyDict {
    build();
    let mut d = PyDict::new();
    EXC.with(|m| {
        for (name, _, _) in HIERARCHY {
            if let Some(c) = m.borrow().get(name) {
                // sqlalchemy.exc re-exports nothing from orm.exc and vice versa,
                // except the result errors that both expose.
                let in_orm = c.module().as_ref() == "sqlalchemy.orm.exc";
                let shared = matches!(*name, "NoResultFound" | "MultipleResultsFound");
                if (module == "sqlalchemy.orm.exc") == in_orm || shared {
                    d.set_str(name, Value::Class(c.clone()));
                }
            }
        }
    });
    d
}

/// Emits a warning through the interpreter's `warnings` machinery (filters,
/// once-per-location, the source line), attributed to the user's line; an
/// "error" filter makes it an exception, as in CPython.
pub fn warn(
    interp: &mut relplay_py::Interpreter,
    class: &str,
    msg: &str,
) -> relplay_py::PyResult<()> {
    let cls = crate::exc::class(class);
    interp.warn(&cls, msg, 1)
}
