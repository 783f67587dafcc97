//! `warnings`: CPython's default filters and stderr format
//! (`path:line: Category: message` + the stripped source line).

use std::rc::Rc;

use crate::builtins::args::parse;
use crate::builtins::builtin;
use crate::object::class::{types, Class};
use crate::object::dict::PyDict;
use crate::value::{PyErr, PyResult, Value};
use crate::vm::exc::type_error;
use crate::vm::Interpreter;

/// One `simplefilter`/`filterwarnings` entry: action, category, message prefix.
#[derive(Clone)]
pub struct Filter {
    pub action: String,
    pub category: Rc<Class>,
    pub message: String,
}

const SRC: &str = r#"
class WarningMessage:
    def __init__(self, message, category, filename, lineno):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
    def __repr__(self):
        return f"{{message : {self.message!r}, category : {self.category.__name__!r}, filename : {self.filename!r}, lineno : {self.lineno}, line : None}}"

class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning):
        self._record = record
        self._action = action
        self._category = category
    def __enter__(self):
        self._saved = _save_filters()
        if self._action is not None:
            simplefilter(self._action, self._category)
        if self._record:
            log = []
            _set_recorder(lambda m, c, f, l: log.append(WarningMessage(m, c, f, l)))
            return log
        return None
    def __exit__(self, *exc):
        _restore_filters(self._saved)
        if self._record:
            _set_recorder(None)
        return False
"#;

pub fn build(interp: &mut Interpreter) -> PyResult<PyDict> {
    let mut d = PyDict::new();
    d.set_str(
        "warn",
        builtin("warn", |i, a, k| {
            let p = parse(
                "warn",
                a,
                k,
                &["message", "category", "stacklevel", "source"],
                1,
            )?;
            let msg = p[0].clone().unwrap_or(Value::None);
            let level = p[2]
                .as_ref()
                .and_then(crate::vm::ops::as_int)
                .unwrap_or(1)
                .max(1) as usize;
            let (cat, text) = match &msg {
                Value::Instance(inst)
                    if inst.class.borrow().is_subclass(&types().exc("Warning")) =>
                {
                    (inst.class.borrow().clone(), i.str(&msg)?)
                }
                _ => {
                    let cat = match &p[1] {
                        None | Some(Value::None) => types().exc("UserWarning"),
                        Some(Value::Class(c)) if c.is_subclass(&types().exc("Warning")) => {
                            c.clone()
                        }
                        Some(v) => {
                            return Err(type_error(format!(
                                "category must be a Warning subclass, not '{}'",
                                v.type_name()
                            )))
                        }
                    };
                    (cat, i.str(&msg)?)
                }
            };
            i.warn_at(&cat, &text, level, Some(msg))?;
            Ok(Value::None)
        }),
    );
    d.set_str(
        "simplefilter",
        builtin("simplefilter", |i, a, k| {
            let p = parse(
                "simplefilter",
                a,
                k,
                &["action", "category", "lineno", "append"],
                1,
            )?;
            add_filter(i, &p[0], &p[1], "")
        }),
    );
    d.set_str(
        "filterwarnings",
        builtin("filterwarnings", |i, a, k| {
            let p = parse(
                "filterwarnings",
                a,
                k,
                &[
                    "action", "message", "category", "module", "lineno", "append",
                ],
                1,
            )?;
            let m = match &p[1] {
                Some(Value::Str(s)) => s.to_string(),
                _ => String::new(),
            };
            add_filter(i, &p[0], &p[2], &m)
        }),
    );
    d.set_str(
        "resetwarnings",
        builtin("resetwarnings", |i, _, _| {
            i.warn_filters.clear();
            Ok(Value::None)
        }),
    );
    d.set_str(
        "_save_filters",
        builtin("_save_filters", |i, _, _| {
            let n = i.warn_saved.len();
            i.warn_saved.push(i.warn_filters.clone());
            Ok(Value::Int(n as i64))
        }),
    );
    d.set_str(
        "_restore_filters",
        builtin("_restore_filters", |i, a, _| {
            if let Some(n) = a.first().and_then(crate::vm::ops::as_int) {
                if let Some(f) = i.warn_saved.get(n as usize).cloned() {
                    i.warn_filters = f;
                    i.warn_saved.truncate(n as usize);
                }
            }
            Ok(Value::None)
        }),
    );
    d.set_str(
        "_set_recorder",
        builtin("_set_recorder", |i, a, _| {
            i.warn_recorder = a.first().cloned().filter(|v| !v.is_none());
            Ok(Value::None)
        }),
    );
    crate::modules::exec_source_into(interp, "warnings", SRC, d)
}

fn add_filter(
    i: &mut Interpreter,
    action: &Option<Value>,
    cat: &Option<Value>,
    msg: &str,
) -> PyResult<Value> {
    let action = match action {
        Some(Value::Str(s)) => s.to_string(),
        _ => return Err(type_error("action must be a string")),
    };
    if !["error", "ignore", "always", "default", "module", "once"].contains(&action.as_str()) {
        return Err(PyErr::new(
            "ValueError",
            format!("invalid action: {action:?}"),
        ));
    }
    let category = match cat {
        Some(Value::Class(c)) => c.clone(),
        _ => types().exc("Warning"),
    };
    i.warn_filters.insert(
        0,
        Filter {
            action,
            category,
            message: msg.to_string(),
        },
    );
    Ok(Value::None)
}

impl Interpreter {
    /// Emits a warning attributed to the user's code `stacklevel` Python
    /// frames up (1 = the innermost Python frame).
    pub fn warn(&mut self, category: &Rc<Class>, message: &str, stacklevel: usize) -> PyResult<()> {
        self.warn_at(category, message, stacklevel, None)
    }

    pub(crate) fn warn_at(
        &mut self,
        category: &Rc<Class>,
        message: &str,
        stacklevel: usize,
        obj: Option<Value>,
    ) -> PyResult<()> {
        let idx = self.frames.len().saturating_sub(stacklevel);
        let (file, line, module) = match self.frames.get(idx) {
            Some(f) => {
                let m = match f.globals.borrow().get_str("__name__") {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => "__main__".into(),
                };
                (f.code.filename.to_string(), f.line(), m)
            }
            None => ("sys".to_string(), 1, "sys".to_string()),
        };
        let t = types();
        let mut action = None;
        for f in &self.warn_filters {
            if category.is_subclass(&f.category) && message.starts_with(&f.message) {
                action = Some(f.action.clone());
                break;
            }
        }
        let action = action.unwrap_or_else(|| {
            if category.is_subclass(&t.exc("DeprecationWarning"))
                && !category.is_subclass(&t.exc("PendingDeprecationWarning"))
            {
                if module == "__main__" {
                    "default"
                } else {
                    "ignore"
                }
                .to_string()
            } else if category.is_subclass(&t.exc("PendingDeprecationWarning"))
                || category.is_subclass(&t.exc("ImportWarning"))
                || category.is_subclass(&t.exc("ResourceWarning"))
            {
                "ignore".to_string()
            } else {
                "default".to_string()
            }
        });
        match action.as_str() {
            "ignore" => return Ok(()),
            "error" => {
                return Err(match obj {
                    Some(Value::Instance(i)) if i.class.borrow().is_subclass(&t.exc("Warning")) => {
                        PyErr(i)
                    }
                    _ => PyErr::from_class(category, vec![Value::str(message)]),
                })
            }
            _ => {}
        }
        let key = match action.as_str() {
            "once" => (format!("{}:{}", category.name(), message), String::new(), 0),
            "module" => (
                format!("{}:{}", category.name(), message),
                module.clone(),
                0,
            ),
            _ => (
                format!("{}:{}", category.name(), message),
                module.clone(),
                line,
            ),
        };
        if action != "always" {
            if self.warnings_seen.contains(&key) {
                return Ok(());
            }
            self.warnings_seen.insert(key);
        }
        if let Some(rec) = self.warn_recorder.clone() {
            let m = match obj {
                Some(v @ Value::Instance(_)) => v,
                _ => PyErr::from_class(category, vec![Value::str(message)]).value(),
            };
            self.call(
                &rec,
                vec![
                    m,
                    Value::Class(category.clone()),
                    Value::str(&file),
                    Value::Int(line as i64),
                ],
                vec![],
            )?;
            return Ok(());
        }
        let mut out = format!("{}:{}: {}: {}\n", file, line, category.name(), message);
        if let Some(src) = self
            .sources
            .get(file.as_str())
            .and_then(|s| s.get(line.saturating_sub(1) as usize))
        {
            let t = src.trim();
            if !t.is_empty() {
                out.push_str(&format!("  {t}\n"));
            }
        }
        self.write_stderr(&out);
        Ok(())
    }
}
