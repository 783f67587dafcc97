//! `sqlalchemy.sql`: expressions, selects, DML and their execution.

pub mod elements;
pub mod execute;
pub mod selectable;
