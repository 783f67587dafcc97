//! `compare(source, "Class.attr", kind)`: the same script run under each
//! variant of one relationship (how its sides are declared, or its loader
//! strategy), with per-line cells aligned on the original script's lines so
//! the page can show them side by side and highlight what differs.

use serde::Serialize;

/// One variant's run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// `back_populates`, `backref`, `backref-other`, `one-sided`, `none`,
    /// or a loader strategy (`select`, `joined`, ...).
    pub variant: String,
    /// The edited script that ran.
    pub source: String,
    pub stdout: String,
    pub stderr: String,
    pub exit: i32,
    /// The echo log (empty unless the script turns `echo=True` on).
    pub sql: String,
    /// SQL statements in the echo log (parameter lines not counted).
    pub statements: usize,
    /// The last line of the traceback, when the variant raised.
    pub error: Option<String>,
    /// The original script's line the error was raised on (0: not known or new).
    pub error_line: u32,
    /// Per original script line, what the variant did there.
    pub lines: Vec<LineCell>,
}

/// What one variant did on one line of the original script.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LineCell {
    pub line: u32,
    pub stdout: String,
    /// The SQL statements sent (the echo log's statement records).
    pub sql: Vec<String>,
    /// What the compared pair's attributes hold after the line, when the
    /// line changed them (`"Parent#1.children = [Child#1]"`), from the step trace.
    pub holds: Vec<String>,
}

/// Runs every variant of `rel` under `kind` (`"sync"` or `"lazy"`).
pub fn compare(source: &str, rel: &str, kind: &str, path: &str) -> Result<Vec<Variant>, String> {
    let variants = relplay_lab::edit::variants(source, rel, kind).map_err(|e| e.to_string())?;
    let runs: Vec<(String, String, crate::Run)> = variants
        .into_iter()
        .map(|(name, src)| {
            let run = crate::run_traced(&src, path);
            (name, src, run)
        })
        .collect();
    let tracked = tracked_attrs(rel, &runs);
    Ok(runs
        .into_iter()
        .map(|(name, src, run)| run_variant(source, name, src, run, path, &tracked))
        .collect())
}

/// The pair's attributes as `(class, attr)`: the compared one and its other
/// side in any variant that links them (SQLAlchemy's own configured model).
fn tracked_attrs(rel: &str, runs: &[(String, String, crate::Run)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |c: &str, a: &str| {
        if !out.iter().any(|(x, y)| x == c && y == a) {
            out.push((c.to_string(), a.to_string()));
        }
    };
    if let Some((c, a)) = rel.split_once('.') {
        add(c, a);
        for (_, _, run) in runs {
            let Some(t) = &run.trace else { continue };
            for k in t.model.classes.iter().filter(|k| k.name == c) {
                for r in k.relationships.iter().filter(|r| r.attr == a) {
                    if let Some((pc, pa)) = r.pair.as_deref().and_then(|p| p.split_once('.')) {
                        add(pc, pa);
                    }
                }
            }
        }
    }
    out
}

/// At most this many holds per cell: the objects a line touched, not the world.
const MAX_HOLDS: usize = 8;

/// `Parent#1.children = [Child#1]` for each tracked attribute of the objects
/// this step's changes to tracked attributes involved (the changed object
/// and the objects it now points at, so an unsynced other side shows too).
fn holds_of(step: &crate::trace::Step, tracked: &[(String, String)]) -> Vec<String> {
    let is_tracked = |class: &str, attr: &str| tracked.iter().any(|(c, a)| c == class && a == attr);
    let mut involved: Vec<&str> = Vec::new();
    for ch in &step.changes {
        let class = ch.object.split('#').next().unwrap_or("");
        if is_tracked(class, &ch.attr) {
            involved.push(&ch.object);
            involved.extend(
                ch.value
                    .iter()
                    .map(String::as_str)
                    .filter(|v| v.contains('#')),
            );
        }
    }
    let mut out = Vec::new();
    for o in step
        .objects
        .iter()
        .filter(|o| involved.contains(&o.id.as_str()))
    {
        for r in o
            .relationships
            .iter()
            .filter(|r| is_tracked(&o.class, &r.attr))
        {
            let value = if !r.loaded {
                "(not loaded)".to_string()
            } else if r.collection {
                format!("[{}]", r.value.join(", "))
            } else {
                r.value.first().cloned().unwrap_or_else(|| "None".into())
            };
            out.push(format!("{}.{} = {value}", o.id, r.attr));
        }
    }
    if out.len() > MAX_HOLDS {
        let more = out.len() - MAX_HOLDS + 1;
        out.truncate(MAX_HOLDS - 1);
        out.push(format!("… and {more} more"));
    }
    out
}

fn run_variant(
    original: &str,
    variant: String,
    source: String,
    run: crate::Run,
    path: &str,
    tracked: &[(String, String)],
) -> Variant {
    let map = relplay_lab::edit::line_map(original, &source);
    let orig_line = |l: u32| -> u32 {
        l.checked_sub(1)
            .and_then(|i| map.get(i as usize))
            .copied()
            .unwrap_or(0)
    };
    let mut lines: Vec<LineCell> = Vec::new();
    let mut sql = String::new();
    let mut statements = 0;
    for e in &run.events {
        let line = orig_line(e.line);
        let cell = match lines.iter_mut().position(|c| c.line == line) {
            Some(i) => &mut lines[i],
            None => {
                lines.push(LineCell {
                    line,
                    ..LineCell::default()
                });
                let n = lines.len() - 1;
                &mut lines[n]
            }
        };
        match e.stream {
            "stdout" => cell.stdout.push_str(&e.text),
            "sql" => {
                sql.push_str(&e.text);
                if is_statement(&e.text) {
                    statements += 1;
                    cell.sql.push(e.text.trim_end().to_string());
                }
            }
            _ => {}
        }
    }
    // Lines that changed the pair: what it holds afterwards (the last step of a loop's line).
    for step in run.trace.iter().flat_map(|t| t.steps.iter()) {
        let touched = step.changes.iter().any(|ch| {
            let class = ch.object.split('#').next().unwrap_or("");
            tracked.iter().any(|(c, a)| c == class && *a == ch.attr)
        });
        if !touched {
            continue;
        }
        let line = orig_line(step.line);
        let holds = holds_of(step, tracked);
        match lines.iter_mut().find(|c| c.line == line) {
            Some(c) => c.holds = holds,
            None => lines.push(LineCell {
                line,
                holds,
                ..LineCell::default()
            }),
        }
    }
    lines.sort_by_key(|c| c.line);
    let error = (run.exit != 0)
        .then(|| {
            run.stderr
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .map(str::to_string)
        })
        .flatten();
    let error_line = if run.exit != 0 {
        orig_line(traceback_line(&run.stderr, path))
    } else {
        0
    };
    Variant {
        variant,
        source,
        stdout: run.stdout,
        stderr: run.stderr,
        exit: run.exit,
        sql,
        statements,
        error,
        error_line,
        lines,
    }
}

/// An echo-log record that is a statement, not its parameters or timing.
fn is_statement(record: &str) -> bool {
    let t = record.trim_start();
    !t.is_empty() && !t.starts_with('[') && !t.starts_with('(')
}

/// The last `File "path", line N` of a traceback.
fn traceback_line(stderr: &str, path: &str) -> u32 {
    let needle = format!("File \"{path}\", line ");
    stderr
        .lines()
        .rev()
        .find_map(|l| {
            let rest = &l[l.find(&needle)? + needle.len()..];
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRIPT: &str = include_str!("../../../tests/gallery/sync_back_populates.py");

    #[test]
    fn without_back_populates_you_get_an_empty_list() {
        let got = compare(SCRIPT, "Parent.children", "sync", "main.py").unwrap();
        let names: Vec<&str> = got.iter().map(|v| v.variant.as_str()).collect();
        assert_eq!(
            names,
            [
                "back_populates",
                "backref",
                "backref-other",
                "one-sided",
                "none"
            ]
        );
        let line = SCRIPT
            .lines()
            .position(|l| l.starts_with("print(\"p.children:\""))
            .unwrap() as u32
            + 1;
        let cell = |v: &Variant| {
            v.lines
                .iter()
                .find(|c| c.line == line)
                .map(|c| c.stdout.clone())
                .unwrap_or_default()
        };
        assert_eq!(cell(&got[0]), "p.children: ['c']\n");
        assert_eq!(cell(&got[1]), "p.children: ['c']\n");
        assert_eq!(cell(&got[3]), "p.children: []\n");
        assert_eq!(got[4].exit, 1);
        assert!(
            got[4]
                .error
                .as_deref()
                .unwrap_or("")
                .contains("AttributeError"),
            "{:?}",
            got[4].error
        );
        assert!(got[0].statements > 0);
        // `c.parent = p`: both sides hold each other only when linked.
        let assign = SCRIPT.lines().position(|l| l == "c.parent = p").unwrap() as u32 + 1;
        let holds = |v: &Variant| {
            v.lines
                .iter()
                .find(|c| c.line == assign)
                .map(|c| c.holds.clone())
                .unwrap_or_default()
        };
        assert!(
            holds(&got[0]).contains(&"Parent#1.children = [Child#1]".to_string()),
            "{:?}",
            holds(&got[0])
        );
        assert!(
            holds(&got[3]).contains(&"Parent#1.children = []".to_string())
                || !holds(&got[3]).iter().any(|h| h.contains("Child#1]")),
            "{:?}",
            holds(&got[3])
        );
    }

    #[test]
    fn lazy_strategies_differ_in_query_count() {
        let src = include_str!("../../../tests/lab/lessons/lazy_strategies.py");
        let got = compare(src, "Author.books", "lazy", "main.py").unwrap();
        let selects: Vec<(String, usize)> = got
            .iter()
            .map(|v| {
                let n = v
                    .lines
                    .iter()
                    .flat_map(|c| &c.sql)
                    .filter(|s| s.starts_with("SELECT"))
                    .count();
                (v.variant.clone(), n)
            })
            .collect();
        let want: Vec<(String, usize)> = [
            ("select", 4),
            ("joined", 1),
            ("selectin", 2),
            ("subquery", 2),
            ("dynamic", 4),
        ]
        .iter()
        .map(|(n, c)| (n.to_string(), *c))
        .collect();
        assert_eq!(selects, want);
    }
}
