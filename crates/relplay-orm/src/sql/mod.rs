//! stub
pub mod quote;
