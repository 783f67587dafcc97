use crate::parse::*;

#[test]
fn smoke() {
    let m = parse_module("x = 1\nprint(x)\n").unwrap();
    assert_eq!(m.body.len(), 2);
}

/// Dev helper: `RELPLAY_CASES=file cargo test -p relplay-py dump_cases -- --ignored --nocapture`
/// prints one result per line (cases are Python string-literal bodies),
/// in the same format as the CPython script used to record expectations.
#[test]
#[ignore]
fn dump_cases() {
    let Ok(path) = std::env::var("RELPLAY_CASES") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for case in text.lines() {
        let src = unescape(case);
        match parse_module(&src) {
            Ok(m) => {
                if std::env::var("RELPLAY_AST").is_ok() {
                    println!("{:#?}", m);
                }
                println!("OK")
            }
            Err(e) if std::env::var("RELPLAY_ENDS").is_ok() => println!(
                "{} {:?} {} {} {} {}",
                e.kind.name(),
                e.msg,
                e.line,
                e.col,
                e.end_line,
                e.end_col
            ),
            Err(e) => println!("{} {:?} {} {}", e.kind.name(), e.msg, e.line, e.col),
        }
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('x') => {
                let h: String = it.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            Some('\\') => out.push('\\'),
            Some(o) => {
                out.push('\\');
                out.push(o)
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Dev helper: prints sorted node spans of RELPLAY_SPANS (a source file).
#[test]
#[ignore]
fn dump_spans() {
    let Ok(paths) = std::env::var("RELPLAY_SPANS") else {
        return;
    };
    for path in paths.split(',') {
        let text = std::fs::read_to_string(path).unwrap();
        let m = parse_module(&text).unwrap();
        let mut out = Vec::new();
        super::walk::walk_body(&m.body, &mut out);
        out.sort();
        println!("SPAN FILE {path}");
        for l in out {
            println!("SPAN {}", l);
        }
    }
}

#[test]
#[ignore]
fn sizes() {
    println!(
        "SIZES expr={} kind={} tok={} token={} presult={}",
        std::mem::size_of::<crate::ast::Expr>(),
        std::mem::size_of::<crate::ast::ExprKind>(),
        std::mem::size_of::<crate::parse::tokens::Tok>(),
        std::mem::size_of::<crate::parse::tokens::Token>(),
        std::mem::size_of::<Result<crate::ast::Expr, Box<SyntaxError>>>()
    );
}

/// Dev helper: prints `(source, dump)` rows for RELPLAY_STRUCT cases.
#[test]
#[ignore]
fn dump_structures() {
    let Ok(path) = std::env::var("RELPLAY_STRUCT") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for case in text.lines() {
        let src = unescape(case);
        println!("ROW    ({:?}, {:?}),", src, super::dump::module(&src));
    }
}

#[test]
#[ignore]
fn timing() {
    let unit = include_str!("sample_models.py");
    let src = unit.repeat(90);
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let l = crate::parse::lexer::tokenize(&src);
        let t1 = t.elapsed();
        let t = std::time::Instant::now();
        let mut p = crate::parse::parser::Parser::new(&src, l.tokens, l.error);
        let m = p.module().unwrap();
        let t2 = t.elapsed();
        let t = std::time::Instant::now();
        crate::parse::checks::check_module(&m, &src).unwrap();
        let t3 = t.elapsed();
        let t = std::time::Instant::now();
        drop(m);
        println!(
            "TIMING lex {t1:?} parse {t2:?} checks {t3:?} drop {:?}",
            t.elapsed()
        );
    }
}

/// Dev helper: parses every file listed in RELPLAY_FILES (one path per
/// line) and prints those that fail, to check acceptance on real code.
#[test]
#[ignore]
fn parse_files() {
    let Ok(list) = std::env::var("RELPLAY_FILES") else {
        return;
    };
    let list = std::fs::read_to_string(list).unwrap();
    let (mut ok, mut bad) = (0, 0);
    for path in list.lines() {
        let Ok(src) = std::fs::read_to_string(path) else {
            continue;
        };
        match parse_module(&src) {
            Ok(_) => ok += 1,
            Err(e) => {
                bad += 1;
                println!("FAIL {path}: {} line {} col {}", e, e.line, e.col);
            }
        }
    }
    println!("FILES ok={ok} bad={bad}");
}

/// Dev helper: eval-mode results for RELPLAY_EVAL cases.
#[test]
#[ignore]
fn dump_eval_cases() {
    let Ok(path) = std::env::var("RELPLAY_EVAL") else {
        return;
    };
    let text = std::fs::read_to_string(path).unwrap();
    for case in text.lines() {
        match parse_expression(&unescape(case)) {
            Ok(_) => println!("OK"),
            Err(e) => println!("{} {:?} {} {}", e.kind.name(), e.msg, e.line, e.col),
        }
    }
}
