//! No input may panic, overflow the stack or take super-linear time.

use crate::parse::*;

const SAMPLES: &[&str] = &[
    include_str!("sample_models.py"),
    "x = [i * j for i in range(3) for j in range(4) if i if j]\nd = {k: v for k, v in e.items()}\n",
    "try:\n    f(*a, **k)\nexcept (A, B) as e:\n    raise X from e\nfinally:\n    pass\n",
    "s = f\"{x!r:>{w}} {y=} {{}}\" 'a' \"\"\"t\nq\"\"\"\nb = b'' rb'\\d'\n",
    "@d\nasync def f(a, /, b=1, *c, d, **e) -> int:\n    await x\n    return (yield)\n",
    "match p:\n    case [1, *r]:\n        pass\nwith (a as b, c):\n    del x[1:2, ::3]\n",
];

/// Small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "=", "\n", "    ", "\t", "\\", "'", "\"", "\"\"\"",
    "f'{", "}", "#", "lambda", "*", "**", "if", "else", "for", "in", "not", "yield", ":=", "@",
    "0x", "1e", "1_", "é", "…", "\u{a0}", "\0", "\r", "print ", "def ", "class ", "async ", "!r",
];

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut b: Vec<u8> = src.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(b.len() + 1);
        match rng.below(5) {
            0 => b.truncate(i),
            1 => {
                let j = (i + 1 + rng.below(6)).min(b.len());
                if i < j {
                    b.drain(i..j);
                }
            }
            2 => {
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                b.splice(i..i, p.iter().copied());
            }
            3 => {
                if i < b.len() {
                    b[i] = rng.next() as u8;
                }
            }
            _ => {
                let j = rng.below(b.len() + 1);
                let (lo, hi) = (i.min(j), i.max(j));
                let chunk = b[lo..hi].to_vec();
                b.splice(lo..lo, chunk);
            }
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn samples_parse() {
    for s in SAMPLES {
        parse_module(s).unwrap_or_else(|e| panic!("{e:?} in\n{s}"));
    }
}

#[test]
fn mutations_never_panic() {
    // RELPLAY_FUZZ=<iterations> runs a longer campaign (release build).
    let iters = std::env::var("RELPLAY_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let seed = std::env::var("RELPLAY_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed);
    for n in 0..iters {
        let src = SAMPLES[n % SAMPLES.len()];
        let m = mutate(&mut rng, src);
        if let Err(e) = parse_module(&m) {
            assert!(e.line >= 1, "{e:?} for {m:?}");
            assert!(!e.msg.is_empty());
        }
        let _ = parse_expression(&m);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let len = rng.below(200);
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                // Mostly Python-ish ASCII, some arbitrary bytes.
                let pool = b"()[]{}:;,.=+-*/%<>!'\"#\\\n\t abcfrx019_@~^|&";
                if rng.below(8) == 0 {
                    rng.next() as u8
                } else {
                    pool[rng.below(pool.len())]
                }
            })
            .collect();
        let src = String::from_utf8_lossy(&bytes);
        let _ = parse_module(&src);
        let _ = parse_expression(&src);
    }
}

fn err(src: &str) -> SyntaxError {
    parse_module(src).expect_err(src)
}

/// The costliest nestings per level, in debug builds.
const NESTINGS: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("{", "}"),
    ("f(", ")"),
    ("a[", "]"),
    ("{1: ", "}"),
    ("a[1:", "]"),
    ("f(x=", ")"),
    ("f(*", ")"),
    ("a < (", ")"),
    ("[x for x in ", "]"),
];

#[test]
fn deep_brackets_parse_up_to_the_budget() {
    for (open, close) in NESTINGS {
        let src = format!("x = {}1{}\n", open.repeat(75), close.repeat(75));
        parse_module(&src).unwrap_or_else(|e| panic!("{open}: {e}"));
    }
}

#[test]
fn deepest_blocks_with_deepest_expressions_fit_the_test_stack() {
    // 99 blocks (the tokenizer's limit) around 75-deep expressions:
    // the worst case for the parser's stack, in a default 2 MB test thread.
    for (open, close) in NESTINGS {
        let mut src = String::new();
        for i in 0..99 {
            let kw = ["if x:", "def f():", "class C:", "with a:"][i % 4];
            src.push_str(&format!("{}{}\n", " ".repeat(i), kw));
        }
        src.push_str(&format!(
            "{}x = {}1{}\n",
            " ".repeat(99),
            open.repeat(75),
            close.repeat(75)
        ));
        parse_module(&src).unwrap_or_else(|e| panic!("{open}: {e}"));
    }
}

#[test]
fn too_many_brackets() {
    // CPython's own limit is 200 brackets (same message); ours is lower
    // to keep the stack small.
    let e = err(&format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201)));
    assert_eq!((e.msg.as_str(), e.line), ("too many nested parentheses", 1));
    let e = err(&format!("x = {}1{}\n", "f(".repeat(150), ")".repeat(150)));
    assert_eq!((e.msg.as_str(), e.line), ("too many nested parentheses", 1));
}

#[test]
fn deep_operators_are_errors_not_crashes() {
    for src in [
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}1\n", "not ".repeat(100_000)),
        format!("x = {}1\n", "a**".repeat(100_000)),
        format!("x = {}1\n", "lambda: ".repeat(100_000)),
        format!("x = {}1\n", "1 if 2 else ".repeat(100_000)),
        format!("x = {}1\n", "1+".repeat(100_000)),
        format!("x = a{}\n", ".b".repeat(100_000)),
        format!("x = f{}\n", "()".repeat(100_000)),
        format!("x = {}\n", "f'{".repeat(1000)),
    ] {
        let e = err(&src);
        assert_eq!(e.kind, SyntaxErrorKind::SyntaxError, "{}", e.msg);
    }
    // Two units per level.
    parse_module(&format!("x = {}1{}\n", "-(".repeat(38), ")".repeat(38))).unwrap();
    parse_module(&format!(
        "x = {}1{}\n",
        "lambda: (".repeat(38),
        ")".repeat(38)
    ))
    .unwrap();
    // Moderate depths are accepted.
    parse_module(&format!("x = {}1\n", "-".repeat(75))).unwrap();
    parse_module(&format!("x = {}1\n", "1+".repeat(900))).unwrap();
    parse_module(&format!("x = {}1\n", "lambda: ".repeat(75))).unwrap();
}

#[test]
fn deep_blocks() {
    let mut src = String::new();
    for i in 0..99 {
        src.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    src.push_str(&format!("{}pass\n", " ".repeat(99)));
    parse_module(&src).unwrap();

    let mut src = String::new();
    for i in 0..1000 {
        src.push_str(&format!("{}if x:\n", " ".repeat(i)));
    }
    src.push_str(&format!("{}pass\n", " ".repeat(1000)));
    let e = err(&src);
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("too many levels of indentation", 101, 1)
    );

    let mut src = String::new();
    for i in 0..30 {
        src.push_str(&format!("{}for x in y:\n", " ".repeat(i)));
    }
    src.push_str(&format!("{}pass\n", " ".repeat(30)));
    let e = err(&src);
    assert_eq!(
        (e.msg.as_str(), e.line, e.col),
        ("too many statically nested blocks", 21, 21)
    );
}

#[test]
fn large_script_is_linear() {
    let unit = include_str!("sample_models.py");
    let mut src = String::new();
    while src.lines().count() < 5000 {
        src.push_str(unit);
    }
    let t = std::time::Instant::now();
    let m = parse_module(&src).unwrap();
    let elapsed = t.elapsed();
    eprintln!("{} lines parsed in {elapsed:?}", src.lines().count());
    assert!(m.body.len() > 100);
    // Generous for unoptimised test builds; release parses this in ms.
    assert!(elapsed.as_secs_f64() < 2.0, "{elapsed:?}");
}
