//! `sqlalchemy.orm`: declarative mapping, instrumented attributes, the
//! Session and its unit of work, loading.

pub mod aliased;
pub mod attributes;
pub mod bulk;
pub mod clsregistry;
pub mod collections;
pub mod decl_base;
pub mod dynamic;
pub mod history;
pub mod identity;
pub mod loading;
pub mod mapper;
pub mod merge;
pub mod query;
pub mod relationships;
pub mod session;
pub mod state;
pub mod strategies;
pub mod trace;
pub mod unitofwork;
