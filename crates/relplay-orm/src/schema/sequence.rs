//! `Sequence`: SQLite has none, so DDL ignores it (`dialect supports
//! sequences: False`); it only shows up in `repr()`.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sequence {
    pub name: String,
    pub start: Option<i64>,
    pub increment: Option<i64>,
}

impl Sequence {
    pub fn new(name: &str) -> Sequence {
        Sequence {
            name: name.into(),
            start: None,
            increment: None,
        }
    }

    /// Python's repr; once its column is in a Table the MetaData shows.
    pub fn repr(&self, attached: bool) -> String {
        let mut s = format!("Sequence({}", crate::value::str_repr(&self.name));
        if let Some(v) = self.start {
            s.push_str(&format!(", start={v}"));
        }
        if let Some(v) = self.increment {
            s.push_str(&format!(", increment={v}"));
        }
        if attached {
            s.push_str(", metadata=MetaData()");
        }
        s.push(')');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reprs() {
        // fk_sequence_sqlite.expected: "sequence object: Sequence('invoice_id_seq', metadata=MetaData())"
        assert_eq!(
            Sequence::new("invoice_id_seq").repr(true),
            "Sequence('invoice_id_seq', metadata=MetaData())"
        );
        let s = Sequence {
            name: "s".into(),
            start: Some(1),
            increment: Some(2),
        };
        assert_eq!(s.repr(false), "Sequence('s', start=1, increment=2)");
        let q = Sequence {
            name: "q".into(),
            start: Some(5),
            increment: None,
        };
        assert_eq!(q.repr(true), "Sequence('q', start=5, metadata=MetaData())");
    }
}
