use super::fmt::{format_g, format_seconds_f5};
use super::params::{long_statement, repr_params};
use crate::sql::Compiled;
use std::collections::HashMap;

/// The embedder's monotonic clock in seconds (`time.perf_counter`); wasm
/// has no `std::time::Instant`, so the core never reads time itself.
pub trait Clock {
    fn now(&self) -> f64;
}

/// How SQLAlchemy runs a statement, which decides its parameter line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExecKind {
    /// One parameter set: `[generated in 0.00010s] ('x', 1)`.
    Single,
    /// `executemany`: `[generated in ...] [(1,), (2,)]`.
    Many,
    /// An INSERT .. RETURNING of several rows on SQLite when the ORM needs
    /// the rows back in order: one statement per row, with
    /// `(insertmanyvalues) i/n (ordered; batch not supported)` notes.
    InsertManyValuesOrdered,
}

/// The per-engine state behind the echo log: which statement shapes were
/// compiled and when (SQLAlchemy's compiled cache).
#[derive(Debug, Default)]
pub struct EchoLog {
    compiled_at: HashMap<String, f64>,
}

impl EchoLog {
    pub fn new() -> EchoLog {
        EchoLog::default()
    }

    pub fn begin() -> &'static str {
        "BEGIN (implicit)"
    }

    pub fn commit() -> &'static str {
        "COMMIT"
    }

    pub fn rollback() -> &'static str {
        "ROLLBACK"
    }

    /// `exec_driver_sql`, e.g. the PRAGMAs of create_all: `[raw sql] ()`.
    pub fn raw_sql(sql: &str) -> Vec<String> {
        vec![sql.to_string(), "[raw sql] ()".to_string()]
    }

    /// A DDL construct (no cache key): `[no key 0.00004s] ()`. `compiled`
    /// is the clock reading when the DDL was compiled.
    pub fn ddl(clock: &dyn Clock, compiled: f64, sql: &str) -> Vec<String> {
        vec![
            sql.to_string(),
            format!("[no key {}s] ()", format_seconds_f5(clock.now() - compiled)),
        ]
    }

    /// Whether this shape has been compiled on this engine before.
    pub fn is_cached(&self, c: &Compiled) -> bool {
        self.compiled_at.contains_key(&c.cache_key)
    }

    /// The cache note, registering the shape on a miss. `compile_started`
    /// is the clock reading taken before compiling.
    fn cache_stats(&mut self, clock: &dyn Clock, key: String, compile_started: f64) -> String {
        let now = clock.now();
        match self.compiled_at.get(&key) {
            Some(&t) => format!("cached since {}s ago", format_g(now - t, 4)),
            None => {
                self.compiled_at.insert(key, compile_started);
                format!("generated in {}s", format_seconds_f5(now - compile_started))
            }
        }
    }

    /// The lines logged for executing `c`.
    pub fn execute(
        &mut self,
        clock: &dyn Clock,
        c: &Compiled,
        kind: ExecKind,
        compile_started: f64,
    ) -> Vec<String> {
        // The ORM's insertmanyvalues INSERT carries `return_defaults(...,
        // sort_by_parameter_order=True)`, so it never shares a cache entry
        // with the same SQL run row by row (reference/insdef.py).
        // SQLAlchemy's compiled-cache key includes `for_executemany`: the
        // same statement with several parameter sets and with one set are
        // separate entries (reference/treedel.py). The ORM's
        // insertmanyvalues INSERT carries `return_defaults(...,
        // sort_by_parameter_order=True)`, so it never shares an entry with
        // the same SQL run row by row (reference/insdef.py).
        let key = match kind {
            ExecKind::InsertManyValuesOrdered => format!("imv#{}", c.cache_key),
            _ if c.params.len() > 1 => format!("many#{}", c.cache_key),
            _ => c.cache_key.clone(),
        };
        let stats = self.cache_stats(clock, key, compile_started);
        match kind {
            ExecKind::Single => vec![
                c.sql.clone(),
                format!("[{stats}] {}", repr_params(&c.params, false)),
            ],
            ExecKind::Many => {
                let multi = c.params.len() > 1;
                vec![
                    c.sql.clone(),
                    format!("[{stats}] {}", repr_params(&c.params, multi)),
                ]
            }
            ExecKind::InsertManyValuesOrdered => {
                let total = c.params.len();
                let mut out = Vec::with_capacity(total * 2);
                for (i, row) in c.params.iter().enumerate() {
                    let note = format!(" {}/{} (ordered; batch not supported)", i + 1, total);
                    let head = if i == 0 {
                        format!("{stats} (insertmanyvalues){note}")
                    } else {
                        format!("insertmanyvalues{note}")
                    };
                    out.push(long_statement(&c.sql));
                    out.push(format!(
                        "[{head}] {}",
                        repr_params(std::slice::from_ref(row), false)
                    ));
                }
                out
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::{compile, Expr, Insert, Select, Statement};
    use crate::types::SqlType;
    use crate::PyValue;
    use std::cell::Cell;

    /// A fake clock advancing 0.0001s per reading.
    struct Tick(Cell<f64>);
    impl Clock for Tick {
        fn now(&self) -> f64 {
            let t = self.0.get() + 0.0001;
            self.0.set(t);
            t
        }
    }

    /// Mask timings the way the conformance oracle does.
    fn mask(line: &str) -> String {
        let Some(rest) = line.strip_prefix('[') else {
            return line.to_string();
        };
        let Some((head, tail)) = rest.split_once(']') else {
            return line.to_string();
        };
        let mut out = String::new();
        let mut first = true;
        for w in head.split(' ') {
            if !first {
                out.push(' ');
            }
            first = false;
            let timed = w.ends_with('s') && w[..w.len() - 1].parse::<f64>().is_ok();
            out.push_str(if timed { "Xs" } else { w });
        }
        format!("[{out}]{tail}")
    }

    fn lazy(id: i64) -> Compiled {
        let addr = |c: &str| Expr::col("address", c, SqlType::Integer);
        let sel = Select::new(vec![addr("id"), addr("email"), addr("user_id")]).where_(
            Expr::value_op(PyValue::Int(id), crate::sql::BinOp::Eq, addr("user_id")),
        );
        compile(Statement::Select(&sel)).unwrap()
    }

    #[test]
    fn generated_then_cached() {
        // rel_o2m_20: two lazy loads of User.addresses.
        let clock = Tick(Cell::new(0.0));
        let mut log = EchoLog::new();
        let t = clock.now();
        let lines: Vec<String> = log
            .execute(&clock, &lazy(1), ExecKind::Single, t)
            .iter()
            .map(|l| mask(l))
            .collect();
        assert_eq!(lines, ["SELECT address.id, address.email, address.user_id \nFROM address \nWHERE ? = address.user_id", "[generated in Xs] (1,)"]);
        let t = clock.now();
        let lines: Vec<String> = log
            .execute(&clock, &lazy(2), ExecKind::Single, t)
            .iter()
            .map(|l| mask(l))
            .collect();
        assert_eq!(lines[1], "[cached since Xs ago] (2,)");
    }

    #[test]
    fn insertmanyvalues_notes() {
        // rel_o2m_20: two users flushed together.
        let ins = Insert {
            table: "user_account".into(),
            columns: vec![("name".into(), SqlType::String(Some(30)))],
            rows: vec![vec![PyValue::str("spongebob")], vec![PyValue::str("sandy")]],
            returning: vec!["id".into()],
            defaulted: vec![],
        };
        let c = compile(Statement::Insert(&ins)).unwrap();
        let clock = Tick(Cell::new(0.0));
        let mut log = EchoLog::new();
        let t = clock.now();
        let lines: Vec<String> = log
            .execute(&clock, &c, ExecKind::InsertManyValuesOrdered, t)
            .iter()
            .map(|l| mask(l))
            .collect();
        assert_eq!(
            lines,
            [
                "INSERT INTO user_account (name) VALUES (?) RETURNING id",
                "[generated in Xs (insertmanyvalues) 1/2 (ordered; batch not supported)] ('spongebob',)",
                "INSERT INTO user_account (name) VALUES (?) RETURNING id",
                "[insertmanyvalues 2/2 (ordered; batch not supported)] ('sandy',)",
            ]
        );
        // fk_adjacency_tree: the same shape again is "cached since".
        let t = clock.now();
        let again = log.execute(&clock, &c, ExecKind::InsertManyValuesOrdered, t);
        assert_eq!(
            mask(&again[1]),
            "[cached since Xs ago (insertmanyvalues) 1/2 (ordered; batch not supported)] ('spongebob',)"
        );
    }

    #[test]
    fn executemany_and_ddl_and_raw() {
        // cascade traces: "DELETE FROM painting WHERE painting.id = ?" / [(1,), (2,)]
        let mut del =
            crate::sql::Delete::by_primary_key("painting", &[("id".into(), SqlType::Integer)]);
        del.rows = vec![vec![PyValue::Int(1)], vec![PyValue::Int(2)]];
        let c = compile(Statement::Delete(&del)).unwrap();
        let clock = Tick(Cell::new(0.0));
        let mut log = EchoLog::new();
        let t = clock.now();
        let lines = log.execute(&clock, &c, ExecKind::Many, t);
        assert_eq!(lines[0], "DELETE FROM painting WHERE painting.id = ?");
        assert_eq!(mask(&lines[1]), "[generated in Xs] [(1,), (2,)]");
        let t = clock.now();
        assert_eq!(
            mask(&EchoLog::ddl(&clock, t, "\nDROP TABLE a")[1]),
            "[no key Xs] ()"
        );
        assert_eq!(
            EchoLog::raw_sql("PRAGMA main.table_info(\"a\")")[1],
            "[raw sql] ()"
        );
    }
}

#[cfg(test)]
mod namespace_tests {
    use super::*;
    use crate::sql::{compile, Expr, Select, Statement};
    use crate::types::SqlType;
    use crate::PyValue;

    struct Fixed;
    impl Clock for Fixed {
        fn now(&self) -> f64 {
            1.0
        }
    }

    /// insdef.py: the same INSERT .. RETURNING run singly, then by
    /// insertmanyvalues: "generated" both times.
    #[test]
    fn insertmanyvalues_has_its_own_cache_entry() {
        use crate::sql::Insert;
        let ins = |n: usize| Insert {
            table: "a".into(),
            columns: vec![("n".into(), SqlType::String(None))],
            rows: (0..n).map(|i| vec![PyValue::Int(i as i64)]).collect(),
            returning: vec!["id".into(), "sd".into()],
            defaulted: vec![],
        };
        let mut log = EchoLog::new();
        let one = compile(Statement::Insert(&ins(1))).unwrap();
        let two = compile(Statement::Insert(&ins(2))).unwrap();
        let head = |l: Vec<String>| l[1].split(' ').next().unwrap_or("").to_string();
        assert_eq!(
            head(log.execute(&Fixed, &one, ExecKind::Single, 1.0)),
            "[generated"
        );
        assert_eq!(
            head(log.execute(&Fixed, &one, ExecKind::Single, 1.0)),
            "[cached"
        );
        assert_eq!(
            head(log.execute(&Fixed, &two, ExecKind::InsertManyValuesOrdered, 1.0)),
            "[generated"
        );
    }

    /// treedel.py: DELETE with [(3,), (4,)] generated, then (2,) generated
    /// again (not an executemany), then (1,) cached.
    #[test]
    fn executemany_is_its_own_cache_entry() {
        use crate::sql::Delete;
        let del = |rows: Vec<i64>| {
            let mut d = Delete::by_primary_key("node", &[("id".into(), SqlType::Integer)]);
            d.rows = rows.into_iter().map(|r| vec![PyValue::Int(r)]).collect();
            compile(Statement::Delete(&d)).unwrap()
        };
        let mut log = EchoLog::new();
        let head = |l: Vec<String>| l[1].split(' ').next().unwrap_or("").to_string();
        assert_eq!(
            head(log.execute(&Fixed, &del(vec![3, 4]), ExecKind::Many, 1.0)),
            "[generated"
        );
        assert_eq!(
            head(log.execute(&Fixed, &del(vec![2]), ExecKind::Many, 1.0)),
            "[generated"
        );
        assert_eq!(
            head(log.execute(&Fixed, &del(vec![1]), ExecKind::Many, 1.0)),
            "[cached"
        );
    }

    /// lazy_dynamic: `unread` defaulted, supplied, defaulted again:
    /// generated, generated, cached.
    #[test]
    fn supplied_parameter_keys_are_part_of_the_key() {
        use crate::sql::Insert;
        let ins = |unread: i64, defaulted: bool| Insert {
            table: "message".into(),
            columns: vec![
                ("subject".into(), SqlType::String(None)),
                ("unread".into(), SqlType::Integer),
            ],
            rows: vec![vec![PyValue::str("s"), PyValue::Int(unread)]],
            defaulted: if defaulted {
                vec!["unread".into()]
            } else {
                vec![]
            },
            ..Insert::default()
        };
        let mut log = EchoLog::new();
        let head = |l: Vec<String>| l[1].split(' ').next().unwrap_or("").to_string();
        let run = |log: &mut EchoLog, i: Insert| {
            head(log.execute(
                &Fixed,
                &compile(Statement::Insert(&i)).unwrap(),
                ExecKind::Single,
                1.0,
            ))
        };
        assert_eq!(run(&mut log, ins(1, true)), "[generated");
        assert_eq!(run(&mut log, ins(0, false)), "[generated");
        assert_eq!(run(&mut log, ins(1, true)), "[cached");
    }

    /// cache2.py: session.get(U, 1), then a lazy load of the same SQL, then
    /// select(U) twice: generated, generated, generated, cached.
    #[test]
    fn same_sql_from_different_origins_compiles_again() {
        let sel = |id| {
            let c = Expr::col("u", "id", SqlType::Integer);
            compile(Statement::Select(
                &Select::new(vec![c.clone()]).where_(c.eq_value(PyValue::Int(id))),
            ))
            .unwrap()
        };
        let mut log = EchoLog::new();
        let stats = |log: &mut EchoLog, c: Compiled| {
            let l = log.execute(&Fixed, &c, ExecKind::Single, 1.0);
            l[1].split(' ').next().unwrap_or("").to_string()
        };
        assert_eq!(stats(&mut log, sel(1).in_namespace("get:U")), "[generated");
        assert_eq!(
            stats(&mut log, sel(2).in_namespace("lazy:A.u")),
            "[generated"
        );
        assert_eq!(stats(&mut log, sel(1).in_namespace("orm")), "[generated");
        assert_eq!(stats(&mut log, sel(2).in_namespace("orm")), "[cached");
    }
}
