//! The built-in examples offered by the picker (and `window.relplay.examples()`):
//! the conformance gallery, `tests/gallery/*.py`, compiled in by `build.rs`.

pub struct Example {
    /// The gallery file's stem, e.g. `one_to_many`.
    pub id: &'static str,
    /// From its `# gallery:` line.
    pub title: &'static str,
    /// The picker's group (`<optgroup>`).
    pub group: &'static str,
    pub code: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/examples.rs"));

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

/// The examples in picker order, grouped: `(group, examples)`.
pub fn groups() -> Vec<(&'static str, Vec<&'static Example>)> {
    let mut groups: Vec<(&'static str, Vec<&'static Example>)> = Vec::new();
    for e in EXAMPLES {
        match groups.last_mut() {
            Some((g, list)) if *g == e.group => list.push(e),
            _ => groups.push((e.group, vec![e])),
        }
    }
    groups
}
