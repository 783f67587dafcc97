//! End-to-end scripts with output captured from CPython 3.11.7.

use relplay_py::{Config, Interpreter};

fn run(src: &str) -> (String, String, i32) {
    let src = src.to_string();
    // Debug builds use more Rust stack per frame than release/wasm.
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut i = Interpreter::new(Config::default());
            let o = i.run_file(&src, "main.py");
            let out = i.take_output();
            (out.stdout, out.stderr, o.exit_code)
        })
        .expect("thread")
        .join()
        .expect("no panic")
}

/// Dev helper: `RELPLAY_SCRIPT=file.py cargo test -p relplay-py --test scripts dev -- --nocapture --ignored`
#[test]
#[ignore]
fn dev() {
    let path = std::env::var("RELPLAY_SCRIPT").expect("RELPLAY_SCRIPT");
    let src = std::fs::read_to_string(&path).expect("read");
    let (o, e, c) = run(&src);
    print!("{o}");
    eprint!("{e}");
    println!("--- exit: {c} ---");
}

#[test]
fn hello() {
    assert_eq!(run("print(1 + 1)\n").0, "2\n");
}

#[test]
fn unbounded_recursion() {
    let (_, e, c) = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assert_eq!(c, 1);
    assert!(e.ends_with("  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n"), "{e}");
}

#[test]
fn recursion_through_repr() {
    let (_, e, c) =
        run("class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n");
    assert_eq!(c, 1);
    assert!(
        e.contains("RecursionError: maximum recursion depth exceeded"),
        "{e}"
    );
}

#[test]
fn step_budget_is_not_catchable() {
    let src = "try:\n    while True:\n        pass\nexcept BaseException:\n    print('caught')\n";
    let out = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let mut i = Interpreter::new(Config {
                step_budget: 100_000,
                ..Config::default()
            });
            let o = i.run_file(src, "main.py");
            (i.take_output(), o.exit_code)
        })
        .expect("thread")
        .join()
        .expect("no panic");
    assert_eq!(out.0.stdout, "");
    assert!(out.0.stderr.ends_with(
        "RuntimeError: the script ran longer than the playground's step budget (100000 steps)\n"
    ));
    assert_eq!(out.1, 1);
}

#[test]
fn huge_allocations() {
    let (o, e, _) = run(
        "try:\n    x = [0] * 10**12\nexcept MemoryError:\n    print('mem')\nx = 'x' * 10**10\n",
    );
    assert_eq!(o, "mem\n");
    assert!(e.ends_with("MemoryError\n"));
    let (_, e, _) = run("x = list(range(10**9))\n");
    assert!(e.ends_with("MemoryError\n"), "{e}");
}

#[test]
fn deep_data_repr() {
    let (o, e, _) =
        run("x = []\nfor i in range(5000):\n    x = [x]\nprint(len(x))\nprint(repr(x)[:10])\n");
    assert_eq!(o, "1\n");
    assert!(e.ends_with(
        "RecursionError: maximum recursion depth exceeded while getting the repr of an object\n"
    ));
}

#[test]
fn traceback_and_chaining() {
    let src = "def f():\n    try:\n        1/0\n    except ZeroDivisionError as e:\n        raise ValueError('bad') from e\nf()\n";
    let (_, e, c) = run(src);
    assert_eq!(c, 1);
    let expected = "Traceback (most recent call last):
  File \"main.py\", line 3, in f
    1/0
ZeroDivisionError: division by zero

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File \"main.py\", line 6, in <module>
    f()
  File \"main.py\", line 5, in f
    raise ValueError('bad') from e
ValueError: bad
";
    assert_eq!(e, expected);
}

/// Scripts under `tests/scripts/` with the combined stdout+stderr CPython
/// 3.11.7 printed for them (captured with `python3 x.py > x.out 2>&1`).
#[test]
fn recorded_scripts() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scripts");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().map(|x| x == "py").unwrap_or(false))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for p in names {
        let src = std::fs::read_to_string(&p).expect("read");
        let expected = std::fs::read_to_string(p.with_extension("out")).expect("expected output");
        let (o, e, _) = run(&src);
        assert_eq!(format!("{o}{e}"), expected, "{}", p.display());
    }
}

/// wasm has a 1 MB stack: the recursion limits must trip before it runs out.
/// (Meaningful in release builds; debug frames are much larger.)
#[test]
#[cfg_attr(debug_assertions, ignore)]
fn fits_in_one_megabyte_of_stack() {
    let scripts = [
        "class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n",
        "class N:\n    def __init__(self, n):\n        self.c = N(n + 1) if n < 10000 else None\nN(0)\n",
        "def f(n):\n    return f(n + 1)\nf(0)\n",
        "class E:\n    def __eq__(self, o):\n        return self == o\nE() == E()\n",
        "class G:\n    def __getattr__(self, n):\n        return getattr(self, n)\nG().x\n",
        "def g(n):\n    yield from g(n + 1)\nlist(g(0))\n",
        "class H:\n    def __hash__(self):\n        return hash(self)\n{H()}\n",
        "x = sorted([3, 1], key=lambda v: sorted([v], key=lambda w: w))\nprint(x)\n",
    ];
    for src in scripts {
        let out = std::thread::Builder::new()
            .stack_size(1 << 20)
            .spawn(move || {
                let mut i = Interpreter::new(Config::default());
                let o = i.run_file(src, "main.py");
                (i.take_output(), o.exit_code)
            })
            .expect("thread")
            .join()
            .expect("no stack overflow");
        assert!(
            out.1 == 0 || out.0.stderr.contains("RecursionError"),
            "{src}: {}",
            out.0.stderr
        );
    }
}
