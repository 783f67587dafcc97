//! The page's settings from its address: `?embed&example=ID&panes=console,sql,diagram,objects&theme=dark&run=1`
//! (the code itself travels in the fragment, `#code=...`, see `share.rs`).
//! Pure string work, unit-tested natively; unknown parameters and values are ignored.

/// An output pane the page can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Console,
    Sql,
    /// The ER diagram of the script's models (drawn without running).
    Diagram,
    /// The objects of a traced run, step by step.
    Objects,
}

impl Pane {
    pub const ALL: &'static [Pane] = &[Pane::Console, Pane::Sql, Pane::Diagram, Pane::Objects];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Console => "Console",
            Pane::Sql => "SQL",
            Pane::Diagram => "Diagram",
            Pane::Objects => "Objects",
        }
    }

    /// The name in `panes=` and in element ids.
    pub fn id(self) -> &'static str {
        match self {
            Pane::Console => "console",
            Pane::Sql => "sql",
            Pane::Diagram => "diagram",
            Pane::Objects => "objects",
        }
    }

    fn from_id(id: &str) -> Option<Pane> {
        Pane::ALL.iter().copied().find(|p| p.id() == id)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The `data-theme` attribute on `<html>`, if any.
    pub fn attr(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct PageConfig {
    /// `?embed`: compact, for an `<iframe>` in documentation; never touches the autosave.
    pub embed: bool,
    /// `example=ID`: open this gallery example (unless the fragment carries code).
    pub example: Option<String>,
    /// `panes=console,sql,diagram,objects`: the output panes offered, in this order (None: all).
    pub panes: Option<Vec<Pane>>,
    pub theme: Theme,
    /// `run=1`: run once the page is ready.
    pub run: bool,
}

impl PageConfig {
    /// Reads `location.search` (with or without its leading `?`).
    pub fn from_query(search: &str) -> PageConfig {
        let mut cfg = PageConfig::default();
        let search = search.strip_prefix('?').unwrap_or(search);
        for part in search.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = percent_decode(value);
            match percent_decode(key).as_str() {
                "embed" => cfg.embed = !matches!(value.as_str(), "0" | "false" | "no"),
                "example" if !value.is_empty() => cfg.example = Some(value),
                "panes" => {
                    let mut panes = Vec::new();
                    for p in value.split(',').filter_map(|p| Pane::from_id(p.trim())) {
                        if !panes.contains(&p) {
                            panes.push(p);
                        }
                    }
                    cfg.panes = Some(panes);
                }
                "theme" => {
                    cfg.theme = match value.as_str() {
                        "light" => Theme::Light,
                        "dark" => Theme::Dark,
                        _ => Theme::System,
                    }
                }
                "run" => cfg.run = matches!(value.as_str(), "1" | "true" | "yes" | ""),
                _ => {}
            }
        }
        cfg
    }

    /// Whether `pane` may be shown (the page still hides the SQL pane while a run has no SQL).
    pub fn allows(&self, pane: Pane) -> bool {
        match &self.panes {
            None => true,
            // A list naming no known pane would leave no output at all: show the console.
            Some(list) if list.is_empty() => pane == Pane::Console,
            Some(list) => list.contains(&pane),
        }
    }
}

/// `search` (`?a=1&b`) without the parameter `name`; "" when nothing is left.
pub fn without_param(search: &str, name: &str) -> String {
    let kept: Vec<&str> = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// `%XX` and `+` decoding of a query value; bad escapes stay as they are,
/// and bytes that are not UTF-8 become U+FFFD.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' && i + 2 < bytes.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b == b'+' { b' ' } else { b });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults() {
        for q in ["", "?", "?x=1&&"] {
            assert_eq!(PageConfig::from_query(q), PageConfig::default());
        }
        let d = PageConfig::default();
        assert!(d.allows(Pane::Console) && d.allows(Pane::Sql));
    }

    #[test]
    fn embed_with_everything() {
        let c =
            PageConfig::from_query("?embed&example=one_to_many&panes=sql,console&theme=dark&run=1");
        assert_eq!(
            c,
            PageConfig {
                embed: true,
                example: Some("one_to_many".into()),
                panes: Some(vec![Pane::Sql, Pane::Console]),
                theme: Theme::Dark,
                run: true,
            }
        );
        assert_eq!(c.theme.attr(), Some("dark"));
    }

    #[test]
    fn values() {
        assert!(PageConfig::from_query("embed=1").embed);
        assert!(!PageConfig::from_query("embed=0").embed);
        assert!(PageConfig::from_query("run").run);
        assert!(!PageConfig::from_query("run=0").run);
        assert_eq!(PageConfig::from_query("theme=light").theme, Theme::Light);
        assert_eq!(PageConfig::from_query("theme=blue").theme, Theme::System);
        assert_eq!(PageConfig::from_query("example=").example, None);
        assert_eq!(
            PageConfig::from_query("example=a%20b+c%zz%4")
                .example
                .as_deref(),
            Some("a b c%zz%4")
        );
        assert_eq!(
            PageConfig::from_query("example=%FF%E2%82")
                .example
                .as_deref(),
            Some("\u{FFFD}\u{FFFD}")
        );
    }

    #[test]
    fn removes_a_param() {
        assert_eq!(
            without_param("?example=a&theme=dark", "example"),
            "?theme=dark"
        );
        assert_eq!(without_param("?example=a", "example"), "");
        assert_eq!(without_param("", "example"), "");
        assert_eq!(
            without_param("?examples=1&example&run=1", "example"),
            "?examples=1&run=1"
        );
    }

    #[test]
    fn panes() {
        let c = PageConfig::from_query("panes=console,console,bogus");
        assert_eq!(c.panes, Some(vec![Pane::Console]));
        assert!(!c.allows(Pane::Sql));
        let c = PageConfig::from_query("panes=sql");
        assert!(c.allows(Pane::Sql) && !c.allows(Pane::Console));
        let c = PageConfig::from_query("panes=nothing");
        assert!(c.allows(Pane::Console) && !c.allows(Pane::Sql));
        assert_eq!(
            PageConfig::from_query("panes=sql%2Cconsole").panes,
            Some(vec![Pane::Sql, Pane::Console])
        );
        let c = PageConfig::from_query("panes=diagram,objects");
        assert_eq!(c.panes, Some(vec![Pane::Diagram, Pane::Objects]));
        assert!(c.allows(Pane::Diagram) && !c.allows(Pane::Console));
    }
}
