//! The built-in examples offered by the picker (and `window.relplay.examples()`).

pub struct Example {
    pub id: &'static str,
    pub title: &'static str,
    pub code: &'static str,
}

pub const EXAMPLES: &[Example] = &[
    Example {
        id: "one-to-many",
        title: "One-to-many (User → Address)",
        code: include_str!("../examples/one_to_many.py"),
    },
    Example {
        id: "many-to-many",
        title: "Many-to-many (Student ↔ Course)",
        code: include_str!("../examples/many_to_many.py"),
    },
    Example {
        id: "hello",
        title: "Plain Python",
        code: include_str!("../examples/hello.py"),
    },
];

pub fn find(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}
