//! The facade compiled to wasm32 and run in headless Chromium: the page's
//! engine must behave as the native one does, within wasm's 1 MB stack.
//! Run by scripts/test.sh through wasm-bindgen-test-runner.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

#[wasm_bindgen_test]
fn prints_like_cpython() {
    let run = relplay::run("print('hi', 1/3, [None, \"a'b\"], {1: (2,)})\n", "/s.py");
    assert_eq!(
        run.stdout,
        "hi 0.3333333333333333 [None, \"a'b\"] {1: (2,)}\n"
    );
    assert_eq!(run.exit, 0);
}

#[wasm_bindgen_test]
fn thousand_python_frames_fit_the_wasm_stack() {
    let src = "import sys\ndef depth(n):\n    try:\n        return depth(n + 1)\n    except RecursionError:\n        return n\nprint(depth(0) > 900, sys.getrecursionlimit())\n";
    let run = relplay::run(src, "/s.py");
    assert_eq!(
        (run.stdout.as_str(), run.exit),
        ("True 1000\n", 0),
        "{}",
        run.stderr
    );
}

#[wasm_bindgen_test]
fn native_reentry_recursion_is_bounded() {
    let src = "class A:\n    def __repr__(self):\n        return repr(self)\nprint(A())\n";
    let run = relplay::run(src, "/s.py");
    assert_eq!(run.exit, 1);
    assert!(
        last_line(&run.stderr).starts_with("RecursionError: maximum recursion depth exceeded"),
        "{}",
        run.stderr
    );
}

/// Every hostile script of tests/hostile ends with its expected error, here too.
#[wasm_bindgen_test]
fn hostile_scripts_end_with_a_python_error() {
    macro_rules! hostile {
        ($($name:literal),* $(,)?) => {
            [$(($name, include_bytes!(concat!("../../../tests/hostile/", $name)).as_slice())),*]
        };
    }
    let scripts = hostile!(
        "bad_utf8.py",
        "deep_brackets.py",
        "deep_data_repr.py",
        "deep_indent.py",
        "deep_parens.py",
        "deep_unary.py",
        "doubling_str.py",
        "endless_generator.py",
        "endless_loop.py",
        "endless_loop_swallowed.py",
        "huge_list.py",
        "huge_str.py",
        "long_expression.py",
        "null_bytes.py",
        "recursion.py",
        "recursion_caught.py",
        "recursion_mutual.py",
        "recursion_repr.py",
        "sandbox_dunder_import.py",
        "sandbox_eval.py",
        "sandbox_open.py",
        "sandbox_os.py",
        "sandbox_subclasses.py",
    );
    for (name, bytes) in scripts {
        let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
        let expect = String::from_utf8_lossy(header)
            .trim_start_matches("# expect: ")
            .trim()
            .to_string();
        wasm_bindgen_test::console_log!("hostile: {name}");
        let run = relplay::run_bytes(bytes, name);
        assert_eq!(run.exit, 1, "{name}: {}", run.stderr);
        assert!(
            last_line(&run.stderr).contains(&expect),
            "{name}: {:?} lacks {expect:?}",
            last_line(&run.stderr)
        );
    }
}
