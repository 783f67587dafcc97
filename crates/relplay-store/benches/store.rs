//! The store side by side with SQLite (rusqlite, in-memory) on the same work:
//! bulk insert, primary-key lookup, a join on an indexed foreign key, and an
//! IN list of 1k keys. Besides criterion's numbers, prints store/SQLite ratios.
use criterion::{criterion_group, criterion_main, Criterion};
use relplay_store::{Database, Params, Value};
use rusqlite::Connection;
use std::time::{Duration, Instant};

const ROWS: i64 = 100_000;
const PARENTS: i64 = 10_000;

fn store_insert(n: i64) -> Database {
    let mut db = Database::new();
    db.execute(
        "CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(20), v INTEGER, PRIMARY KEY (id))",
        &Params::None,
    )
    .unwrap();
    db.execute("BEGIN", &Params::None).unwrap();
    for i in 0..n {
        let p = Params::Positional(vec![Value::text(&format!("n{i}")), Value::Integer(i % 97)]);
        db.execute("INSERT INTO t (name, v) VALUES (?, ?)", &p).unwrap();
    }
    db.execute("COMMIT", &Params::None).unwrap();
    db
}

fn sqlite_insert(n: i64) -> Connection {
    let c = Connection::open_in_memory().unwrap();
    c.execute_batch("CREATE TABLE t (id INTEGER NOT NULL, name VARCHAR(20), v INTEGER, PRIMARY KEY (id)); BEGIN")
        .unwrap();
    {
        let mut st = c.prepare_cached("INSERT INTO t (name, v) VALUES (?, ?)").unwrap();
        for i in 0..n {
            st.execute(rusqlite::params![format!("n{i}"), i % 97]).unwrap();
        }
    }
    c.execute_batch("COMMIT").unwrap();
    c
}

fn join_store() -> Database {
    let mut db = Database::new();
    for sql in [
        "CREATE TABLE parent (id INTEGER NOT NULL, name VARCHAR(20), PRIMARY KEY (id))",
        "CREATE TABLE child (id INTEGER NOT NULL, parent_id INTEGER, v INTEGER, PRIMARY KEY (id), FOREIGN KEY(parent_id) REFERENCES parent (id))",
        "BEGIN",
    ] {
        db.execute(sql, &Params::None).unwrap();
    }
    for i in 1..=PARENTS {
        db.execute(
            "INSERT INTO parent (name) VALUES (?)",
            &Params::Positional(vec![Value::text(&format!("p{i}"))]),
        )
        .unwrap();
    }
    for i in 0..ROWS {
        db.execute(
            "INSERT INTO child (parent_id, v) VALUES (?, ?)",
            &Params::Positional(vec![Value::Integer(1 + i % PARENTS), Value::Integer(i)]),
        )
        .unwrap();
    }
    db.execute("COMMIT", &Params::None).unwrap();
    db
}

fn join_sqlite() -> Connection {
    let c = Connection::open_in_memory().unwrap();
    c.execute_batch(
        "CREATE TABLE parent (id INTEGER NOT NULL, name VARCHAR(20), PRIMARY KEY (id));
         CREATE TABLE child (id INTEGER NOT NULL, parent_id INTEGER, v INTEGER, PRIMARY KEY (id), FOREIGN KEY(parent_id) REFERENCES parent (id));
         CREATE INDEX ix_child_parent_id ON child (parent_id);
         BEGIN",
    )
    .unwrap();
    for i in 1..=PARENTS {
        c.prepare_cached("INSERT INTO parent (name) VALUES (?)")
            .unwrap()
            .execute([format!("p{i}")])
            .unwrap();
    }
    for i in 0..ROWS {
        c.prepare_cached("INSERT INTO child (parent_id, v) VALUES (?, ?)")
            .unwrap()
            .execute([1 + i % PARENTS, i])
            .unwrap();
    }
    c.execute_batch("COMMIT").unwrap();
    c
}

const PK_SQL: &str = "SELECT t.id, t.name, t.v FROM t WHERE t.id = ?";
const JOIN_SQL: &str = "SELECT parent.id, child.id, child.v FROM parent JOIN child ON parent.id = child.parent_id";

fn in_sql() -> String {
    format!("SELECT t.id, t.v FROM t WHERE t.id IN ({})", vec!["?"; 1000].join(", "))
}

fn in_keys() -> Vec<i64> {
    (0..1000).map(|k| 1 + k * 97).collect()
}

fn sqlite_rows(c: &Connection, sql: &str, params: &[i64]) -> usize {
    let mut st = c.prepare_cached(sql).unwrap();
    let n = st.column_count();
    let mut rows = st.query(rusqlite::params_from_iter(params.iter())).unwrap();
    let mut count = 0;
    while let Some(r) = rows.next().unwrap() {
        for i in 0..n {
            let _ = r.get_ref(i).unwrap();
        }
        count += 1;
    }
    count
}

fn store_rows(db: &mut Database, sql: &str, params: &[i64]) -> usize {
    db.execute(sql, &Params::Positional(params.iter().map(|&k| Value::Integer(k)).collect()))
        .unwrap()
        .rows
        .len()
}

/// Median wall time of `f` over `runs` runs.
fn time(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[runs / 2]
}

fn ratios() {
    let report = |name: &str, s: Duration, q: Duration| {
        println!(
            "ratio {name:<28} store {s:>10.2?}  sqlite {q:>10.2?}  store/sqlite = {:.2}",
            s.as_secs_f64() / q.as_secs_f64()
        );
    };
    report(
        "insert 100k rows",
        time(3, || drop(store_insert(ROWS))),
        time(3, || drop(sqlite_insert(ROWS))),
    );
    let mut db = store_insert(ROWS);
    let c = sqlite_insert(ROWS);
    report(
        "10k PK lookups",
        time(5, || {
            (1..=10_000).for_each(|k| assert_eq!(store_rows(&mut db, PK_SQL, &[k * 7 % ROWS + 1]), 1))
        }),
        time(5, || {
            (1..=10_000).for_each(|k| assert_eq!(sqlite_rows(&c, PK_SQL, &[k * 7 % ROWS + 1]), 1))
        }),
    );
    let sql = in_sql();
    let keys = in_keys();
    report(
        "IN list of 1k keys",
        time(11, || assert_eq!(store_rows(&mut db, &sql, &keys), 1000)),
        time(11, || assert_eq!(sqlite_rows(&c, &sql, &keys), 1000)),
    );
    let mut jdb = join_store();
    let jc = join_sqlite();
    report(
        "join 10k x 100k on FK",
        time(5, || assert_eq!(store_rows(&mut jdb, JOIN_SQL, &[]), ROWS as usize)),
        time(5, || assert_eq!(sqlite_rows(&jc, JOIN_SQL, &[]), ROWS as usize)),
    );
}

fn benches(c: &mut Criterion) {
    ratios();
    let mut g = c.benchmark_group("insert_100k");
    g.sample_size(10);
    g.bench_function("store", |b| b.iter(|| store_insert(ROWS)));
    g.bench_function("sqlite", |b| b.iter(|| sqlite_insert(ROWS)));
    g.finish();

    let mut db = store_insert(ROWS);
    let conn = sqlite_insert(ROWS);
    let mut g = c.benchmark_group("pk_lookup");
    let mut k = 0;
    g.bench_function("store", |b| {
        b.iter(|| {
            k = (k + 7919) % ROWS;
            store_rows(&mut db, PK_SQL, &[k + 1])
        })
    });
    g.bench_function("sqlite", |b| {
        b.iter(|| {
            k = (k + 7919) % ROWS;
            sqlite_rows(&conn, PK_SQL, &[k + 1])
        })
    });
    g.finish();

    let sql = in_sql();
    let keys = in_keys();
    let mut g = c.benchmark_group("in_list_1k");
    g.bench_function("store", |b| b.iter(|| store_rows(&mut db, &sql, &keys)));
    g.bench_function("sqlite", |b| b.iter(|| sqlite_rows(&conn, &sql, &keys)));
    g.finish();

    let mut jdb = join_store();
    let jc = join_sqlite();
    let mut g = c.benchmark_group("join_10k_100k");
    g.sample_size(10);
    g.bench_function("store", |b| b.iter(|| store_rows(&mut jdb, JOIN_SQL, &[])));
    g.bench_function("sqlite", |b| b.iter(|| sqlite_rows(&jc, JOIN_SQL, &[])));
    g.finish();
}

criterion_group! {
    name = store;
    config = Criterion::default().warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(2));
    targets = benches
}
criterion_main!(store);
