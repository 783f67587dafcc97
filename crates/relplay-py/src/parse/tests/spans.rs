//! Node positions against CPython's `ast` (lineno, col_offset,
//! end_lineno, end_col_offset for every statement and expression).
//! `spans_sample.cpython.txt` was produced by `ast.parse` on
//! `spans_sample.py` with python3 3.11.7.

use super::walk::walk_body;
use crate::ast::*;
use crate::parse::*;

#[test]
fn spans_match_cpython_ast() {
    let src = include_str!("spans_sample.py");
    let want = include_str!("spans_sample.cpython.txt");
    let m = parse_module(src).unwrap();
    let mut got = Vec::new();
    walk_body(&m.body, &mut got);
    got.sort();
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(got, want);
}

#[test]
fn spans_carry_byte_offsets_and_char_columns() {
    let src = "é = 1\nif x:\n    y = 'ü' + z\n";
    let m = parse_module(src).unwrap();
    let s = &m.body[0];
    assert_eq!(
        (s.span.line, s.span.col, s.span.end_line, s.span.end_col),
        (1, 0, 1, 5)
    );
    assert_eq!((s.span.start, s.span.end), (0, 6)); // `é` is two bytes
    let StmtKind::If { body, .. } = &m.body[1].kind else {
        panic!()
    };
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    let ExprKind::BinOp { right, .. } = &value.kind else {
        panic!()
    };
    assert_eq!(
        (right.span.line, right.span.col, right.span.end_col),
        (3, 14, 15)
    );
    assert_eq!(
        &src[right.span.start as usize..right.span.end as usize],
        "z"
    );
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "'ü' + z"
    );
}

#[test]
fn function_name_span_and_multiline_statement() {
    let src = "@d\ndef  name(a):\n    return (a +\n            1)\n";
    let m = parse_module(src).unwrap();
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!()
    };
    assert_eq!(
        (f.name_span.line, f.name_span.col, f.name_span.end_col),
        (2, 5, 9)
    );
    // CPython starts a decorated def at `def`, and ends it with its body.
    assert_eq!((m.body[0].span.line, m.body[0].span.col), (2, 0));
    assert_eq!((m.body[0].span.end_line, m.body[0].span.end_col), (4, 14));
    let ret = &f.body[0];
    assert_eq!(
        (ret.span.line, ret.span.end_line, ret.span.end_col),
        (3, 4, 14)
    );
}
