//! `sqlalchemy.types`: type objects. `String` and `String(50)` both work as
//! a column type: the class-like factory stands for its default instance.

use std::any::Any;
use std::rc::Rc;

use relplay_orm::types::SqlType;
use relplay_py::object::class::Class;
use relplay_py::object::dict::PyDict;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{native, native_class};

pub struct TypeObj {
    pub name: &'static str,
    pub ty: SqlType,
    /// The factory (`String`) rather than an instance (`String(30)`).
    pub factory: bool,
    /// `Enum(PyEnumClass)`: results come back as its members.
    pub enum_class: Option<Value>,
}

impl NativeObject for TypeObj {
    fn class(&self) -> Rc<Class> {
        native_class(self.name, "sqlalchemy.sql.sqltypes", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn call(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        args: Vec<Value>,
        kw: Kwargs,
    ) -> PyResult<Option<Value>> {
        if !self.factory {
            return Ok(None);
        }
        let int = |v: Option<&Value>| match v {
            Some(Value::Int(i)) if *i >= 0 => Some(*i as u32),
            _ => None,
        };
        let arg = |i: usize, name: &str| {
            args.get(i)
                .cloned()
                .or_else(|| crate::util::kw_get(&kw, name))
        };
        let mut enum_class = None;
        let ty = match &self.ty {
            SqlType::String(_) => SqlType::String(int(arg(0, "length").as_ref())),
            SqlType::Text(_) => SqlType::Text(int(arg(0, "length").as_ref())),
            SqlType::Numeric(_, _) => SqlType::Numeric(
                int(arg(0, "precision").as_ref()),
                int(arg(1, "scale").as_ref()),
            ),
            SqlType::Enum(_) => {
                let mut members = Vec::new();
                for a in &args {
                    match a {
                        Value::Str(s) => members.push(s.to_string()),
                        other => match enum_names(other) {
                            Some(names) => {
                                enum_class = Some(other.clone());
                                members.extend(names);
                            }
                            None => {
                                return Err(crate::util::not_supported(
                                    interp,
                                    &format!("Enum() of a {}", other.type_name()),
                                ))
                            }
                        },
                    }
                }
                SqlType::Enum(members)
            }
            other => other.clone(),
        };
        Ok(Some(native(TypeObj {
            name: self.name,
            ty,
            factory: false,
            enum_class,
        })))
    }
    /// `str(type)`: the type as the default dialect compiles it.
    fn str(&self, interp: &mut Interpreter, me: &Value) -> PyResult<Option<String>> {
        if self.factory {
            return self.repr(interp, me);
        }
        Ok(Some(self.ty.ddl_name()))
    }
    fn repr(&self, _interp: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(if self.factory {
            format!("<class 'sqlalchemy.sql.sqltypes.{}'>", self.name)
        } else {
            self.ty.repr()
        }))
    }
}

pub const TYPES: &[(&str, SqlType)] = &[
    ("Integer", SqlType::Integer),
    ("BigInteger", SqlType::BigInteger),
    ("SmallInteger", SqlType::SmallInteger),
    ("String", SqlType::String(None)),
    ("Unicode", SqlType::String(None)),
    ("VARCHAR", SqlType::String(None)),
    ("Text", SqlType::Text(None)),
    ("UnicodeText", SqlType::Text(None)),
    ("Boolean", SqlType::Boolean),
    ("Float", SqlType::Float),
    ("Numeric", SqlType::Numeric(None, None)),
    ("Date", SqlType::Date),
    ("DateTime", SqlType::DateTime),
    ("Time", SqlType::Time),
    ("LargeBinary", SqlType::LargeBinary),
    ("Enum", SqlType::Enum(Vec::new())),
    ("JSON", SqlType::Json),
    ("INTEGER", SqlType::Integer),
    ("TEXT", SqlType::Text(None)),
];

pub fn add_types(d: &mut PyDict) {
    for (name, ty) in TYPES {
        d.set_str(
            name,
            native(TypeObj {
                name,
                ty: ty.clone(),
                factory: true,
                enum_class: None,
            }),
        );
    }
}

/// The SqlType of a type argument (`String`, `String(30)`), if it is one.
pub fn sql_type_of(v: &Value) -> Option<SqlType> {
    crate::util::cast::<TypeObj>(v).map(|t| t.ty.clone())
}

/// The type a `Mapped[X]` annotation implies (SQLAlchemy's type_annotation_map).
pub fn type_for_python(v: &Value) -> Option<SqlType> {
    let name = match v {
        Value::Class(c) => c.name(),
        Value::Str(s) => s.clone(),
        _ => return None,
    };
    Some(match &*name {
        "int" => SqlType::Integer,
        "str" => SqlType::String(None),
        "bool" => SqlType::Boolean,
        "float" => SqlType::Float,
        "bytes" => SqlType::LargeBinary,
        "datetime" => SqlType::DateTime,
        "date" => SqlType::Date,
        "Decimal" => SqlType::Numeric(None, None),
        "time" => SqlType::Time,
        _ => return None,
    })
}

/// The class name a type prints with.
pub fn name_of(ty: &SqlType) -> &'static str {
    TYPES
        .iter()
        .find(|(_, t)| std::mem::discriminant(t) == std::mem::discriminant(ty))
        .map(|(n, _)| *n)
        .unwrap_or("NullType")
}

/// Member names of a Python `enum.Enum` subclass, in definition order.
pub fn enum_names(v: &Value) -> Option<Vec<String>> {
    let Value::Class(c) = v else { return None };
    match c.lookup("_member_names_") {
        Some(Value::List(l)) => Some(
            l.borrow()
                .iter()
                .filter_map(crate::util::str_of)
                .map(|s| s.to_string())
                .collect(),
        ),
        _ => None,
    }
}

/// The enum class of an `Enum(PyEnum)` type argument.
pub fn enum_class_of(v: &Value) -> Option<Value> {
    crate::util::cast::<TypeObj>(v).and_then(|t| t.enum_class.clone())
}

/// The member of `cls` named `name` (a stored Enum value).
pub fn enum_member(cls: &Value, name: &str) -> Option<Value> {
    let Value::Class(c) = cls else { return None };
    match c.lookup("_member_map_") {
        Some(Value::Dict(d)) => d.borrow().get_str(name),
        _ => None,
    }
}
