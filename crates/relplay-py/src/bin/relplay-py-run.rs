//! Dev tool: runs a script file with the interpreter, printing what the
//! script printed and exiting with its status (used with tests/oracle).

use std::io::Write;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: relplay-py-run SCRIPT.py");
        std::process::exit(2);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("relplay-py-run: {path}: {e}");
            std::process::exit(2);
        }
    };
    let path2 = path.clone();
    // Debug builds use more Rust stack per frame than release/wasm builds.
    let (out, code) = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut i = relplay_py::Interpreter::new(relplay_py::Config::default());
            let o = i.run_file(&src, &path2);
            (i.take_output(), o.exit_code)
        })
        .expect("spawn")
        .join()
        .expect("interpreter thread");
    let _ = std::io::stdout().write_all(out.stdout.as_bytes());
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    std::process::exit(code);
}
