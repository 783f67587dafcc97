//! `MetaData.create_all` / `drop_all` against an engine: the PRAGMA checks
//! then the DDL, inside one `BEGIN (implicit)` ... `COMMIT` block.

use std::rc::Rc;

use relplay_orm::ddl::{create_all, drop_all, DdlKind};
use relplay_py::{Interpreter, PyResult, Value};

use super::default::{exec_ddl, exec_raw, log_begin, log_commit, log_rollback};
use crate::schema::MetaInner;

pub fn run_ddl(
    interp: &mut Interpreter,
    md: &Rc<MetaInner>,
    bind: &Value,
    create: bool,
) -> PyResult<()> {
    let Some(eng) = super::base::engine_of(bind) else {
        return Err(crate::util::type_error(format!(
            "{}() requires an Engine or Connection as bind",
            if create { "create_all" } else { "drop_all" }
        )));
    };
    crate::schema::resolve_fk_types(md);
    let plan = {
        let md = md.md.borrow();
        let db = &eng.db;
        let exists = |name: &str| {
            let sql = format!(
                "PRAGMA main.table_info({})",
                relplay_orm::sql::quote::quote_identifier(name)
            );
            db.borrow_mut()
                .execute(&sql, &relplay_store::Params::None)
                .map(|r| !r.rows.is_empty())
                .unwrap_or(false)
        };
        if create {
            create_all(&md, &exists)
        } else {
            drop_all(&md, &exists)
        }
    };
    log_begin(interp, &eng);
    for w in &plan.warnings {
        crate::exc::warn(interp, "SAWarning", w)?;
    }
    for st in &plan.statements {
        let r = match st.kind {
            DdlKind::Raw => exec_raw(interp, &eng, &st.sql).map(|_| ()),
            DdlKind::NoKey => exec_ddl(interp, &eng, &st.sql),
        };
        if let Err(e) = r {
            log_rollback(interp, &eng);
            return Err(e);
        }
    }
    if let Some(e) = plan.error {
        log_rollback(interp, &eng);
        return Err(crate::util::orm_err(e));
    }
    log_commit(interp, &eng);
    Ok(())
}
