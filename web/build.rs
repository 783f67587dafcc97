//! Builds the example picker's list from the conformance gallery,
//! `tests/gallery/*.py` (each has a `# gallery: Title` line and an `.expected`
//! recorded from CPython + SQLAlchemy), so every gallery scenario the corpus
//! checks is offered on the page, and a new one appears without code changes.

use std::{env, fmt::Write as _, fs, path::Path};

/// Display order: the picker lists groups in this order, and within a group
/// these stems first (others follow alphabetically).
const ORDER: &[&str] = &[
    "one_to_many",
    "many_to_one",
    "one_to_one",
    "many_to_many_table",
    "many_to_many_lambda",
    "association_object",
    "adjacency_list",
    "sync_back_populates",
    "sync_backref",
    "sync_one_sided",
    "lazy_strategies",
    "lazy_dynamic",
    "joins",
    "blog",
    "person_offences",
];

fn group_of(title: &str) -> (u8, &'static str) {
    if title.starts_with("Mistake") {
        (2, "Classic mistakes")
    } else if title.starts_with("Both sides") {
        (1, "Both sides of a relationship")
    } else {
        (0, "Relationships")
    }
}

fn main() {
    let gallery = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/gallery");
    println!("cargo:rerun-if-changed={}", gallery.display());

    let mut examples = Vec::new();
    for entry in fs::read_dir(&gallery).expect("tests/gallery") {
        let path = entry.expect("gallery entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("utf-8 name")
            .to_string();
        let text = fs::read_to_string(&path).expect("gallery script");
        let Some(title) = text
            .lines()
            .find_map(|l| l.strip_prefix("# gallery:"))
            .map(str::trim)
        else {
            continue;
        };
        let title = title.to_string();
        // The `# features:` line is corpus metadata, not for the learner.
        let code: String = text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("# features:"))
            .collect();
        let (group_rank, group) = group_of(&title);
        let rank = ORDER.iter().position(|s| *s == stem).unwrap_or(ORDER.len());
        examples.push((group_rank, rank, stem, title, group, code));
    }
    examples.sort_by(|a, b| (a.0, a.1, &a.2).cmp(&(b.0, b.1, &b.2)));
    assert!(
        !examples.is_empty(),
        "no `# gallery:` scripts in {}",
        gallery.display()
    );

    let mut out = String::from("pub const EXAMPLES: &[Example] = &[\n");
    for (_, _, id, title, group, code) in &examples {
        writeln!(
            out,
            "    Example {{ id: {id:?}, title: {title:?}, group: {group:?}, code: {code:?} }},"
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("examples.rs");
    fs::write(dest, out).expect("write examples.rs");
}
