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
