//! Prints a traced run as JSON: `cargo run -p relplay --example trace_dump FILE.py`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: trace_dump FILE.py");
        std::process::exit(2);
    };
    let src = std::fs::read_to_string(&path).unwrap_or_default();
    let run = relplay::run_traced(&src, &path);
    println!("{}", serde_json::to_string_pretty(&run).unwrap_or_default());
}
