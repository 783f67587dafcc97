use std::rc::Rc;

/// A value as SQLite stores it: one of its five storage classes.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(Rc<str>),
    Blob(Rc<[u8]>),
}
