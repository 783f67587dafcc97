//! The random query generator of the differential tests, shared with the
//! parser oracle test.
#![allow(dead_code)]

/// xorshift64*: deterministic, dependency-free randomness.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
}

pub struct GenTable {
    pub name: String,
    pub cols: Vec<String>,
}

pub const TYPES: &[&str] = &["INTEGER", "TEXT", "REAL", "NUMERIC", "BLOB", "VARCHAR(10)", ""];
pub const LITERALS: &[&str] = &[
    "NULL", "0", "1", "2", "3", "-1", "10", "1.0", "2.5", "-0.5", "'a'", "'B'", "'abc'", "'10'", "'2'", "' 3'", "'2.0'", "x'01'", "''",
];
pub const LIKES: &[&str] = &["'a%'", "'%b%'", "'_'", "'1%'", "'%'", "'A_C'", "'%.%'"];

pub fn literal(r: &mut Rng) -> String {
    r.pick(LITERALS).to_string()
}

pub fn col(r: &mut Rng, tables: &[(&GenTable, String)]) -> String {
    let (t, alias) = r.pick(tables);
    format!("{alias}.{}", r.pick(&t.cols))
}

pub fn scalar(r: &mut Rng, tables: &[(&GenTable, String)], depth: usize) -> String {
    if depth > 2 {
        return if r.chance(70) { col(r, tables) } else { literal(r) };
    }
    match r.below(12) {
        0..=4 => col(r, tables),
        5 => literal(r),
        6 => format!(
            "({} {} {})",
            scalar(r, tables, depth + 1),
            r.pick(&["+", "-", "*", "/", "%", "||"]),
            scalar(r, tables, depth + 1)
        ),
        7 => format!("coalesce({}, {})", scalar(r, tables, depth + 1), literal(r)),
        8 => format!("typeof({})", scalar(r, tables, depth + 1)),
        9 => format!(
            "CASE WHEN {} THEN {} ELSE {} END",
            pred(r, tables, depth + 1),
            scalar(r, tables, depth + 1),
            literal(r)
        ),
        10 => format!(
            "CAST({} AS {})",
            scalar(r, tables, depth + 1),
            r.pick(&["INTEGER", "TEXT", "REAL", "NUMERIC"])
        ),
        _ => format!("{}({})", r.pick(&["lower", "upper", "length", "abs"]), scalar(r, tables, depth + 1)),
    }
}

pub fn pred(r: &mut Rng, tables: &[(&GenTable, String)], depth: usize) -> String {
    let leaf = depth > 2 || r.chance(55);
    if leaf {
        match r.below(9) {
            0..=3 => format!(
                "{} {} {}",
                scalar(r, tables, depth + 1),
                r.pick(&["=", "<>", "<", "<=", ">", ">=", "IS", "IS NOT"]),
                scalar(r, tables, depth + 1)
            ),
            4 => format!("{} IS {}NULL", scalar(r, tables, depth + 1), if r.chance(50) { "NOT " } else { "" }),
            5 => {
                let n = 1 + r.below(4);
                let items: Vec<String> = (0..n).map(|_| literal(r)).collect();
                format!(
                    "{} {}IN ({})",
                    col(r, tables),
                    if r.chance(30) { "NOT " } else { "" },
                    items.join(", ")
                )
            }
            6 => format!(
                "{} {}LIKE {}",
                scalar(r, tables, depth + 1),
                if r.chance(20) { "NOT " } else { "" },
                r.pick(LIKES)
            ),
            7 => format!("{} BETWEEN {} AND {}", col(r, tables), literal(r), literal(r)),
            _ => scalar(r, tables, depth + 1),
        }
    } else {
        match r.below(3) {
            0 => format!("({} AND {})", pred(r, tables, depth + 1), pred(r, tables, depth + 1)),
            1 => format!("({} OR {})", pred(r, tables, depth + 1), pred(r, tables, depth + 1)),
            _ => format!("NOT ({})", pred(r, tables, depth + 1)),
        }
    }
}

pub fn gen_query(r: &mut Rng, tables: &[GenTable]) -> (String, bool) {
    let a = r.pick(tables);
    let b = r.pick(tables);
    let join = r.below(4);
    let scope: Vec<(&GenTable, String)> = if join == 0 {
        vec![(a, "x".into())]
    } else {
        vec![(a, "x".into()), (b, "y".into())]
    };
    let from = match join {
        0 => format!("{} AS x", a.name),
        1 => format!(
            "{} AS x JOIN {} AS y ON x.{} = y.{}",
            a.name,
            b.name,
            r.pick(&a.cols),
            r.pick(&b.cols)
        ),
        2 => format!(
            "{} AS x LEFT OUTER JOIN {} AS y ON x.{} = y.{}",
            a.name,
            b.name,
            r.pick(&a.cols),
            r.pick(&b.cols)
        ),
        _ => format!("{} AS x, {} AS y", a.name, b.name),
    };
    let where_ = if r.chance(75) {
        format!(" WHERE {}", pred(r, &scope, 0))
    } else {
        String::new()
    };
    match r.below(9) {
        7 => {
            // Correlated subqueries: EXISTS and a scalar subquery reading the outer row.
            let c = col(r, &[(a, "x".into())]);
            let bc = r.pick(&b.cols).clone();
            let neg = if r.chance(40) { "NOT " } else { "" };
            (
                format!(
                    "SELECT x.rowid, {c}, (SELECT count(*) FROM {} AS z WHERE z.{bc} = {c}) FROM {} AS x WHERE {neg}EXISTS (SELECT 1 FROM {} AS z WHERE z.{bc} {} {c})",
                    b.name,
                    a.name,
                    b.name,
                    r.pick(&["=", "<", ">=", "IS"])
                ),
                true,
            )
        }
        8 => {
            let c = col(r, &scope);
            let lits: Vec<String> = (0..3).map(|_| literal(r)).collect();
            (
                format!(
                    "SELECT CASE {c} WHEN {} THEN 'a' WHEN {} THEN 'b' ELSE {} END, {c} BETWEEN {} AND {}, {c} IS {} FROM {from}{where_}",
                    lits[0],
                    lits[1],
                    lits[2],
                    literal(r),
                    literal(r),
                    literal(r)
                ),
                true,
            )
        }
        0..=2 => {
            let n = 1 + r.below(3);
            let proj: Vec<String> = (0..n).map(|_| scalar(r, &scope, 1)).collect();
            let distinct = if r.chance(20) { "DISTINCT " } else { "" };
            (format!("SELECT {distinct}{} FROM {from}{where_}", proj.join(", ")), true)
        }
        3 => {
            let g = col(r, &scope);
            let v = col(r, &scope);
            let having = if r.chance(30) {
                format!(" HAVING count(*) > {}", r.below(3))
            } else {
                String::new()
            };
            let agg = r
                .pick(&[
                    "count(*)",
                    "count(V)",
                    "sum(V)",
                    "total(V)",
                    "min(V)",
                    "max(V)",
                    "count(DISTINCT V)",
                    "avg(V)",
                ])
                .replace('V', &v);
            (format!("SELECT {g}, {agg} FROM {from}{where_} GROUP BY {g}{having}"), true)
        }
        4 => {
            let s = scalar(r, &scope, 1);
            let dir = r.pick(&["", " DESC", " NULLS LAST", " DESC NULLS FIRST"]);
            let rowid = "x.rowid";
            let yrow = if join == 0 { String::new() } else { ", y.rowid".to_string() };
            (
                format!(
                    "SELECT {rowid}{yrow}, {s} FROM {from}{where_} ORDER BY {s}{dir}, {rowid}{yrow} LIMIT {} OFFSET {}",
                    1 + r.below(5),
                    r.below(3)
                ),
                false,
            )
        }
        5 => {
            let c = col(r, &[(a, "x".into())]);
            let sub = format!(
                "SELECT {} FROM {} AS z WHERE {}",
                r.pick(&b.cols).clone(),
                b.name,
                pred(r, &[(b, "z".into())], 1)
            );
            (
                format!(
                    "SELECT x.rowid, {c} FROM {} AS x WHERE {c} {}IN ({sub})",
                    a.name,
                    if r.chance(40) { "NOT " } else { "" }
                ),
                true,
            )
        }
        _ => {
            let op = r.pick(&["UNION", "UNION ALL", "INTERSECT", "EXCEPT"]);
            // quote(): which of two equal values (1 vs 1.0) a compound keeps depends
            // on SQLite's scan order (it may read a covering index), so compare text.
            let c1 = format!("quote({})", col(r, &[(a, "x".into())]));
            let c2 = format!("quote({})", col(r, &[(b, "y".into())]));
            (
                format!("SELECT {c1} FROM {} AS x {op} SELECT {c2} FROM {} AS y", a.name, b.name),
                true,
            )
        }
    }
}
