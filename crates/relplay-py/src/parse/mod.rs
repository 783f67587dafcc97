//! Python 3.11 source → [`crate::ast::Module`].
