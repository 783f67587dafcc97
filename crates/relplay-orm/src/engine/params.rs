//! The parameter repr of the echo log (`sql/util.py` `_repr_params`):
//! each value's repr cut to 300 characters, more than 100 values in one
//! set cut to the first and last 50, more than 10 sets cut to the first 8
//! and last 2.

use crate::PyValue;

const MAX_CHARS: usize = 300;
const MAX_PARAMS: usize = 100;
const BATCHES: usize = 10;

/// One value's repr, shortened in the middle when over 300 characters.
pub fn repr_single_value(v: &PyValue) -> String {
    let rep = v.repr();
    let chars: Vec<char> = rep.chars().collect();
    if chars.len() <= MAX_CHARS {
        return rep;
    }
    let seg = MAX_CHARS / 2;
    let head: String = chars[..seg].iter().collect();
    let tail: String = chars[chars.len() - seg..].iter().collect();
    format!(
        "{head} ... ({} characters truncated) ... {tail}",
        chars.len() - MAX_CHARS
    )
}

fn join(vals: &[PyValue]) -> String {
    vals.iter()
        .map(repr_single_value)
        .collect::<Vec<_>>()
        .join(", ")
}

/// One parameter tuple: `(1,)`, `('a', None)`, `()`.
fn repr_tuple(vals: &[PyValue]) -> String {
    if vals.len() > MAX_PARAMS {
        let half = MAX_PARAMS / 2;
        return format!(
            "({} ... {} parameters truncated ... {})",
            join(&vals[..half]),
            vals.len() - MAX_PARAMS,
            join(&vals[vals.len() - half..])
        );
    }
    format!("({}{})", join(vals), if vals.len() == 1 { "," } else { "" })
}

fn repr_list_of_tuples(sets: &[Vec<PyValue>]) -> String {
    let inner: Vec<String> = sets.iter().map(|s| repr_tuple(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// The logged parameters: a tuple for a single execute, a list of tuples
/// for an executemany (`ismulti`).
pub fn repr_params(sets: &[Vec<PyValue>], ismulti: bool) -> String {
    if !ismulti {
        return repr_tuple(sets.first().map(|v| v.as_slice()).unwrap_or(&[]));
    }
    if sets.len() > BATCHES {
        let head = repr_list_of_tuples(&sets[..BATCHES - 2]);
        let tail = repr_list_of_tuples(&sets[sets.len() - 2..]);
        // SQLAlchemy joins the three parts with spaces around a message
        // that has its own spaces: hence the doubled blanks.
        return format!(
            "{} {} {}",
            &head[..head.len() - 1],
            format_args!(
                " ... displaying {} of {} total bound parameter sets ... ",
                BATCHES,
                sets.len()
            ),
            &tail[1..]
        );
    }
    repr_list_of_tuples(sets)
}

/// `_long_statement`: statements over 500 characters are logged cut
/// (only on the insertmanyvalues path).
pub fn long_statement(sql: &str) -> String {
    let chars: Vec<char> = sql.chars().collect();
    if chars.len() <= 500 {
        return sql.to_string();
    }
    let head: String = chars[..250].iter().collect();
    let tail: String = chars[chars.len() - 100..].iter().collect();
    format!(
        "{head} ... {} characters truncated ... {tail}",
        chars.len() - 350
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(n: i64) -> PyValue {
        PyValue::Int(n)
    }

    #[test]
    fn tuples() {
        assert_eq!(repr_params(&[vec![i(1)]], false), "(1,)");
        assert_eq!(repr_params(&[vec![]], false), "()");
        assert_eq!(
            repr_params(
                &[vec![PyValue::str("a"), PyValue::None, PyValue::Float(2.5)]],
                false
            ),
            "('a', None, 2.5)"
        );
        assert_eq!(repr_params(&[vec![i(1)], vec![i(3)]], true), "[(1,), (3,)]");
    }

    #[test]
    fn more_than_100_values() {
        // echo1.py: IN list of range(150)
        let vals: Vec<PyValue> = (0..150).map(i).collect();
        let first: Vec<String> = (0..50).map(|n| n.to_string()).collect();
        let last: Vec<String> = (100..150).map(|n| n.to_string()).collect();
        assert_eq!(
            repr_params(&[vals], false),
            format!(
                "({} ... 50 parameters truncated ... {})",
                first.join(", "),
                last.join(", ")
            )
        );
    }

    #[test]
    fn more_than_10_sets() {
        // echo1.py: 25 rows, "(..n7)  ... displaying 10 of 25 total bound parameter sets ...  (n23..)"
        let sets: Vec<Vec<PyValue>> = (0..25)
            .map(|n| vec![PyValue::str(&format!("n{n}"))])
            .collect();
        assert_eq!(
            repr_params(&sets, true),
            "[('n0',), ('n1',), ('n2',), ('n3',), ('n4',), ('n5',), ('n6',), ('n7',)  ... displaying 10 of 25 total bound parameter sets ...  ('n23',), ('n24',)]"
        );
    }

    #[test]
    fn long_values() {
        // echo1.py: "x" * 400
        let v = PyValue::str(&"x".repeat(400));
        assert_eq!(
            repr_single_value(&v),
            format!(
                "'{} ... (102 characters truncated) ... {}'",
                "x".repeat(149),
                "x".repeat(149)
            )
        );
    }
}
