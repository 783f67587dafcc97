//! The Python-facing `sqlalchemy` package of relplay: built-in modules that
//! bridge the interpreter (relplay-py) and SQLAlchemy's rules (relplay-orm)
//! over the in-memory store (relplay-store).
//!
//! Module map (mirrors SQLAlchemy's partition): [`schema`], [`types`],
//! [`sql`] (elements, selectable, execute), [`engine`] (base, default,
//! pysqlite, ddl, result), [`orm`] (decl_base, mapper, relationships,
//! attributes, collections, state, session, unitofwork, loading, query),
//! [`exc`]. Install with [`install`] before running a script.

pub mod engine;
pub mod exc;
pub mod ext;
pub mod names;
pub mod orm;
pub mod schema;
pub mod sql;
pub mod types;
pub mod util;

use std::rc::Rc;

use relplay_py::builtins::builtin;
use relplay_py::object::dict::PyDict;
use relplay_py::{Interpreter, Value};

fn core_names(d: &mut PyDict) {
    types::add_types(d);
    d.set_str("Column", builtin("Column", schema::column));
    d.set_str("ForeignKey", builtin("ForeignKey", schema::foreign_key));
    d.set_str("Table", builtin("Table", schema::table));
    d.set_str("Sequence", builtin("Sequence", schema::sequence));
    d.set_str(
        "UniqueConstraint",
        builtin("UniqueConstraint", schema::unique_constraint),
    );
    d.set_str(
        "CheckConstraint",
        builtin("CheckConstraint", schema::check_constraint),
    );
    d.set_str(
        "PrimaryKeyConstraint",
        builtin("PrimaryKeyConstraint", schema::primary_key_constraint),
    );
    d.set_str(
        "ForeignKeyConstraint",
        builtin("ForeignKeyConstraint", schema::foreign_key_constraint),
    );
    d.set_str("Index", builtin("Index", schema::index));
    d.set_str(
        "MetaData",
        builtin("MetaData", |_, _, _| Ok(schema::new_metadata())),
    );
    d.set_str(
        "create_engine",
        builtin("create_engine", engine::base::create_engine),
    );
    d.set_str("select", builtin("select", sql::selectable::select));
    d.set_str("insert", builtin("insert", sql::dml::insert));
    d.set_str("update", builtin("update", sql::dml::update));
    d.set_str("delete", builtin("delete", sql::dml::delete));
    d.set_str("text", builtin("text", sql::elements::text));
    d.set_str("and_", builtin("and_", sql::elements::and_fn));
    d.set_str("case", builtin("case", sql::elements::case_fn));
    d.set_str("cast", builtin("cast", sql::elements::cast_fn));
    d.set_str("or_", builtin("or_", sql::elements::or_fn));
    d.set_str("not_", builtin("not_", sql::elements::not_fn));
    d.set_str("desc", builtin("desc", sql::elements::desc_fn));
    d.set_str("asc", builtin("asc", sql::elements::asc_fn));
    d.set_str("func", util::native(sql::elements::FuncNamespace));
    d.set_str("inspect", builtin("inspect", orm::state::inspect));
}

fn orm_names(d: &mut PyDict) {
    d.set_str(
        "declarative_base",
        builtin("declarative_base", |i, a, k| {
            orm::decl_base::declarative_base(i, a, k, false)
        }),
    );
    d.set_str("DeclarativeBase", orm::decl_base::declarative_base_class());
    d.set_str("Mapped", orm::decl_base::mapped_class());
    d.set_str(
        "WriteOnlyMapped",
        orm::decl_base::mapped_class_for("WriteOnlyMapped", Some("write_only")),
    );
    d.set_str(
        "DynamicMapped",
        orm::decl_base::mapped_class_for("DynamicMapped", Some("dynamic")),
    );
    d.set_str(
        "mapped_column",
        builtin("mapped_column", orm::decl_base::mapped_column),
    );
    d.set_str(
        "relationship",
        builtin("relationship", orm::relationships::relationship),
    );
    d.set_str("backref", builtin("backref", orm::relationships::backref));
    d.set_str("validates", builtin("validates", orm::decl_base::validates));
    d.set_str("aliased", builtin("aliased", orm::aliased::aliased));
    use orm::strategies::{option, Strategy};
    d.set_str(
        "selectinload",
        builtin("selectinload", |i, a, k| {
            option(i, a, k, Strategy::Selectin)
        }),
    );
    d.set_str(
        "joinedload",
        builtin("joinedload", |i, a, k| option(i, a, k, Strategy::Joined)),
    );
    d.set_str(
        "lazyload",
        builtin("lazyload", |i, a, k| option(i, a, k, Strategy::Select)),
    );
    d.set_str(
        "raiseload",
        builtin("raiseload", |i, a, k| option(i, a, k, Strategy::Raise)),
    );
    d.set_str(
        "noload",
        builtin("noload", |i, a, k| option(i, a, k, Strategy::NoLoad)),
    );
    d.set_str(
        "subqueryload",
        builtin("subqueryload", |i, a, k| {
            option(i, a, k, Strategy::Subquery)
        }),
    );
    d.set_str(
        "immediateload",
        builtin("immediateload", |i, a, k| {
            option(i, a, k, Strategy::Immediate)
        }),
    );
    d.set_str(
        "defaultload",
        builtin("defaultload", |i, a, k| option(i, a, k, Strategy::Default)),
    );
    d.set_str(
        "contains_eager",
        builtin("contains_eager", |i, a, k| {
            if !k.is_empty() {
                return Err(util::not_supported(
                    i,
                    "contains_eager() with keyword arguments",
                ));
            }
            option(i, a, k, Strategy::ContainsEager)
        }),
    );
    d.set_str("Session", builtin("Session", orm::session::session_ctor));
    d.set_str(
        "sessionmaker",
        builtin("sessionmaker", orm::session::sessionmaker),
    );
    d.set_str(
        "configure_mappers",
        builtin("configure_mappers", |i, _, _| {
            orm::clsregistry::AUTO_CONFIGURE.with(|a| a.set(false));
            let r = orm::mapper::configure_all(i);
            orm::clsregistry::AUTO_CONFIGURE.with(|a| a.set(true));
            r.map(|_| Value::None)
        }),
    );
}

/// Registers the `sqlalchemy` modules (call before `run_file`); resets the
/// per-run registries (mappers, sessions, metadata).
pub fn install(interp: &mut Interpreter) {
    orm::mapper::reset();
    orm::session::reset();
    orm::trace::finish();
    schema::reset();
    util::reset_value_classes();
    interp.register_module("sqlalchemy", |_| {
        let mut d = PyDict::new();
        core_names(&mut d);
        d.set_str("__version__", Value::str("2.1.9"));
        d.set_str(
            "__getattr__",
            names::module_getattr("sqlalchemy", names::SQLALCHEMY),
        );
        Ok(d)
    });
    interp.register_module("sqlalchemy.orm", |_| {
        let mut d = PyDict::new();
        orm_names(&mut d);
        d.set_str(
            "__getattr__",
            names::module_getattr("sqlalchemy.orm", names::ORM),
        );
        Ok(d)
    });
    interp.register_module("sqlalchemy.exc", |_| Ok(exc::module_dict("sqlalchemy.exc")));
    interp.register_module("sqlalchemy.orm.exc", |_| {
        Ok(exc::module_dict("sqlalchemy.orm.exc"))
    });
    interp.register_module("sqlalchemy.ext", |_| Ok(PyDict::new()));
    interp.register_module("sqlalchemy.ext.associationproxy", |_| Ok(ext::module()));
    interp.register_module("sqlalchemy.ext.hybrid", |_| Ok(ext::hybrid_module()));
    interp.register_module("sqlalchemy.ext.declarative", |_| {
        let mut d = PyDict::new();
        d.set_str(
            "declarative_base",
            builtin("declarative_base", |i, a, k| {
                orm::decl_base::declarative_base(i, a, k, true)
            }),
        );
        Ok(d)
    });
    for name in [
        "sqlalchemy.types",
        "sqlalchemy.schema",
        "sqlalchemy.sql",
        "sqlalchemy.engine",
    ] {
        interp.register_module(name, |_| {
            let mut d = PyDict::new();
            core_names(&mut d);
            Ok(d)
        });
    }
    let _ = Rc::new(());
}
