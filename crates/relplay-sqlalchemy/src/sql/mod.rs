//! `sqlalchemy.sql`: expressions, selects, DML and their execution.

pub mod dml;
pub mod elements;
pub mod execute;
pub mod row;
pub mod selectable;
