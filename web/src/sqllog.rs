//! The SQL pane's model: a run's structured events, the `echo=True` log
//! grouped by the script line that caused it.
//!
//! `events_of` is the one place that reads `relplay::Run.events`
//! (`stream` is "stdout" | "stderr" | "sql"; `line` is the script line
//! executing when the output happened, 0 when none).
//! Stdout is never split by guessing which lines look like SQL: a print can
//! look like anything.
//!
//! One `sql` event is one echo log record: a statement (`SELECT ...`,
//! `BEGIN (implicit)`, `COMMIT`), or the parameters/caching record that
//! follows a statement (it starts with `[`, as in
//! `[generated in 0.00012s] (1,)`).

/// Where an event's text went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
    Sql,
}

impl Stream {
    pub fn parse(name: &str) -> Option<Stream> {
        match name {
            "stdout" => Some(Stream::Stdout),
            "stderr" => Some(Stream::Stderr),
            "sql" => Some(Stream::Sql),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub stream: Stream,
    /// The 1-based script line that caused it; 0 when no line of the script was running.
    pub line: u32,
    pub text: String,
}

/// A statement and the parameter records that followed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    pub params: Vec<String>,
}

/// All SQL one script line caused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub line: u32,
    pub statements: Vec<Statement>,
    /// How often the most repeated SELECT was sent from this line: >1 is a
    /// lazy load in a loop, an N+1. (Repeated INSERTs are not counted: the
    /// ORM logs an ordered multi-row INSERT once per row, which is no N+1.)
    pub most_repeated: usize,
}

impl Group {
    /// Statements proper: `BEGIN`/`COMMIT`/`ROLLBACK` and savepoints are not counted.
    pub fn count(&self) -> usize {
        self.statements.iter().filter(|s| !is_txn(&s.sql)).count()
    }
}

/// Transaction control, as SQLAlchemy logs it.
fn is_txn(sql: &str) -> bool {
    let head = sql.trim_start();
    [
        "BEGIN",
        "COMMIT",
        "ROLLBACK",
        "SAVEPOINT",
        "RELEASE SAVEPOINT",
    ]
    .iter()
    .any(|k| {
        head.strip_prefix(k)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\n']))
    })
}

fn is_select(sql: &str) -> bool {
    sql.trim_start()
        .get(..6)
        .is_some_and(|head| head.eq_ignore_ascii_case("SELECT"))
}

/// A parameters/caching record (`[generated in ...] (1,)`, `[cached since ...]`,
/// `[raw sql] ()`, `[insertmanyvalues ...]`) belongs to the statement before it.
fn is_params(text: &str) -> bool {
    text.starts_with('[')
}

pub fn has_sql(events: &[Event]) -> bool {
    events.iter().any(|e| e.stream == Stream::Sql)
}

/// The `sql` events grouped by line, groups in the order their line first
/// sent SQL (so a line inside a loop is one group, however often it ran).
pub fn group(events: &[Event]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // Index of the group that got the last statement (params attach there).
    let mut last: Option<usize> = None;
    for e in events.iter().filter(|e| e.stream == Stream::Sql) {
        if is_params(&e.text) {
            if let Some(st) = last.and_then(|g| groups[g].statements.last_mut()) {
                st.params.push(e.text.clone());
                continue;
            }
        }
        let g = match groups.iter().position(|g| g.line == e.line) {
            Some(g) => g,
            None => {
                groups.push(Group {
                    line: e.line,
                    statements: Vec::new(),
                    most_repeated: 0,
                });
                groups.len() - 1
            }
        };
        groups[g].statements.push(Statement {
            sql: e.text.clone(),
            params: Vec::new(),
        });
        last = Some(g);
    }
    for g in &mut groups {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for s in g.statements.iter().filter(|s| is_select(&s.sql)) {
            match counts.iter_mut().find(|(t, _)| *t == s.sql) {
                Some((_, n)) => *n += 1,
                None => counts.push((&s.sql, 1)),
            }
        }
        g.most_repeated = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    }
    groups
}

/// The events of a facade run, as the pane reads them.
pub fn events_of(run: &relplay::Run) -> Vec<Event> {
    run.events
        .iter()
        .filter_map(|e| {
            Some(Event {
                stream: Stream::parse(e.stream)?,
                line: e.line,
                text: e.text.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(stream: Stream, line: u32, text: &str) -> Event {
        Event {
            stream,
            line,
            text: text.to_string(),
        }
    }
    use Stream::{Sql, Stdout};

    const SEL: &str = "SELECT child.id, child.parent_id \nFROM child \nWHERE ? = child.parent_id";

    #[test]
    fn no_sql_no_groups() {
        let events = [ev(Stdout, 1, "hello\n"), ev(Stream::Stderr, 2, "boom\n")];
        assert!(!has_sql(&events));
        assert!(group(&events).is_empty());
        assert!(group(&[]).is_empty());
    }

    #[test]
    fn groups_by_line_in_first_seen_order_with_params() {
        let events = [
            ev(Sql, 20, "BEGIN (implicit)"),
            ev(Sql, 20, "INSERT INTO parent (name) VALUES (?)"),
            ev(Sql, 20, "[generated in 0.00010s] ('p',)"),
            ev(Stdout, 21, "added\n"),
            ev(Sql, 20, "COMMIT"),
            ev(Sql, 12, "SELECT 1"),
            ev(Sql, 12, "[raw sql] ()"),
        ];
        let g = group(&events);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].line, 20);
        assert_eq!(g[0].statements.len(), 3);
        assert_eq!(g[0].count(), 1, "BEGIN and COMMIT are not counted");
        assert_eq!(
            g[0].statements[1].params,
            vec!["[generated in 0.00010s] ('p',)".to_string()]
        );
        assert_eq!(g[1].line, 12);
        assert_eq!(g[1].statements[0].params, vec!["[raw sql] ()".to_string()]);
    }

    #[test]
    fn n_plus_one_stands_out() {
        // for p in parents:            # line 30: one SELECT for the parents
        //     print(p.children)        # line 31: one lazy load per parent
        let mut events = vec![
            ev(Sql, 30, "SELECT parent.id FROM parent"),
            ev(Sql, 30, "[generated in 0.0001s] ()"),
        ];
        for i in 0..5 {
            events.push(ev(Sql, 31, SEL));
            events.push(ev(
                Sql,
                31,
                if i == 0 {
                    "[generated in 0.0001s] (1,)"
                } else {
                    "[cached since 0.001s ago] (2,)"
                },
            ));
            events.push(ev(Stdout, 31, "[<Child>]\n"));
        }
        let g = group(&events);
        assert_eq!(g.iter().map(|g| g.line).collect::<Vec<_>>(), [30, 31]);
        assert_eq!((g[0].count(), g[0].most_repeated), (1, 1));
        assert_eq!((g[1].count(), g[1].most_repeated), (5, 5));
        assert!(g[1].statements.iter().all(|s| s.params.len() == 1));
    }

    #[test]
    fn interleaved_lines_stay_one_group_each() {
        let mut events = Vec::new();
        for _ in 0..3 {
            events.push(ev(Sql, 8, "SELECT a"));
            events.push(ev(Sql, 9, "SELECT b"));
        }
        let g = group(&events);
        assert_eq!(g.len(), 2);
        assert_eq!((g[0].line, g[0].count()), (8, 3));
        assert_eq!((g[1].line, g[1].count()), (9, 3));
    }

    #[test]
    fn orphan_params_and_line_zero() {
        let events = [ev(Sql, 0, "[generated in 0.1s] ()"), ev(Sql, 0, "ROLLBACK")];
        let g = group(&events);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].line, 0);
        assert_eq!(
            g[0].statements.len(),
            2,
            "a record with no statement before it stands alone"
        );
        assert_eq!(g[0].count(), 1);
        assert_eq!(g[0].most_repeated, 0, "no SELECT");
    }

    #[test]
    fn repeated_inserts_are_no_n_plus_one() {
        // session.commit() on line 40 inserting two rows, ordered (one INSERT per row).
        let ins = "INSERT INTO node (parent_id, name) VALUES (?, ?) RETURNING id";
        let events = [
            ev(Sql, 40, ins),
            ev(Sql, 40, "[generated in 0.0001s (insertmanyvalues) 1/2 (ordered; batch not supported)] (1, 'a')"),
            ev(Sql, 40, ins),
            ev(Sql, 40, "[insertmanyvalues 2/2 (ordered; batch not supported)] (1, 'b')"),
            ev(Sql, 40, "COMMIT"),
        ];
        let g = group(&events);
        assert_eq!((g[0].count(), g[0].most_repeated), (2, 0));
        assert!(g[0].statements.iter().take(2).all(|s| s.params.len() == 1));
        assert!(is_select("  select 1") && !is_select("SELEC") && !is_select("é"));
    }

    #[test]
    fn transaction_control() {
        for t in [
            "BEGIN (implicit)",
            "COMMIT",
            "ROLLBACK",
            "SAVEPOINT sa_savepoint_1",
            "RELEASE SAVEPOINT sa_savepoint_1",
        ] {
            assert!(is_txn(t), "{t}");
        }
        for t in ["BEGINNING", "SELECT 1", "COMMITTED"] {
            assert!(!is_txn(t), "{t}");
        }
        assert_eq!(Stream::parse("sql"), Some(Sql));
        assert_eq!(Stream::parse("SQL"), None);
    }
}
