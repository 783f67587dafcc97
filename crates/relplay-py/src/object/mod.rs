//! Built-in object kinds and their protocols.

pub mod bigint;
pub mod class;
pub mod complex;
pub mod dict;
pub mod gc;
pub mod int;
pub mod iter;
pub mod native;
pub mod repr;
