//! `relplay run FILE.py`: runs a learner's script and prints exactly what
//! CPython + SQLAlchemy 2.1.9 would — stdout, stderr, exit status.

use std::io::Write;
use std::process::ExitCode;

// Scripts allocate and free many small objects (instances, dicts, rows);
// glibc's malloc spent a third of an ORM run in free/consolidate.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage: relplay run FILE.py\n\nRuns FILE.py as CPython with SQLAlchemy 2.1.9 on SQLite would, in relplay's\nsandboxed interpreter, and prints its stdout, stderr and exit status.\n";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [cmd, file] if cmd == "run" => run(file),
        [flag] if flag == "--version" || flag == "-V" => {
            println!("relplay {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        [flag] if flag == "--help" || flag == "-h" || flag == "help" => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(file: &str) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            // CPython's wording for a missing script, exit status 2.
            eprintln!(
                "relplay: can't open file '{file}': [Errno {}] {e}",
                e.raw_os_error().unwrap_or(0)
            );
            return ExitCode::from(2);
        }
    };
    // Python frames live on the heap, but native re-entries (`__repr__`,
    // `__init__` called from Rust) use the Rust stack, and debug builds use
    // far more of it per call than release or wasm builds.
    let path = file.to_string();
    let result = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || relplay::run_bytes(&bytes, &path))
        .ok()
        .and_then(|handle| handle.join().ok());
    let Some(result) = result else {
        eprintln!("relplay: internal error: the interpreter thread failed");
        return ExitCode::from(70);
    };
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(result.stdout.as_bytes());
    let _ = stdout.flush();
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(result.stderr.as_bytes());
    let _ = stderr.flush();
    ExitCode::from(u8::try_from(result.exit).unwrap_or(1))
}
