//! The SQLAlchemy 2.1 emulation: the built-in `sqlalchemy` modules that a
//! learner's script imports, on top of the interpreter and the store.
