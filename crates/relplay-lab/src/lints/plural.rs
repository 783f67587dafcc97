//! Whether an attribute name reads as a collection ("books", "children").

const IRREGULAR: &[&str] = &[
    "children", "people", "men", "women", "mice", "geese", "feet", "teeth", "media", "criteria",
    "data",
];

pub(crate) fn looks_plural(name: &str) -> bool {
    let n = name.to_lowercase();
    let last = n.rsplit('_').next().unwrap_or(&n);
    if IRREGULAR.contains(&last) || last.ends_with("list") || last.ends_with("set") {
        return true;
    }
    last.len() > 2
        && last.ends_with('s')
        && !(last.ends_with("ss")
            || last.ends_with("us")
            || last.ends_with("is")
            || last == "status")
}

#[cfg(test)]
mod tests {
    #[test]
    fn plurals() {
        for p in [
            "books",
            "children",
            "addresses",
            "posts",
            "offences",
            "book_list",
        ] {
            assert!(super::looks_plural(p), "{p}");
        }
        for s in [
            "book", "child", "address", "status", "parent", "bus", "analysis",
        ] {
            assert!(!super::looks_plural(s), "{s}");
        }
    }
}
