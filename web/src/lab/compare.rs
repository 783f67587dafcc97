//! The compare view: one column per variant, one row per script line that
//! changed the pair (what each side holds after it), printed, sent SQL or raised; a cell differing from the first column is
//! highlighted, and a variant's error sits on the line that raised it.

use leptos::prelude::*;

use super::Lab;

/// A comparison as the page shows it (and the contract returns it).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub rel: String,
    pub kind: String,
    /// The script compared (its lines label the rows).
    pub code: String,
    pub result: Result<Vec<relplay::Variant>, String>,
}

/// What a variant shows on one line.
#[derive(Clone, PartialEq)]
struct Cell {
    holds: Vec<String>,
    stdout: String,
    sql: Vec<String>,
    error: Option<String>,
}

impl Cell {
    fn is_empty(&self) -> bool {
        self.holds.is_empty()
            && self.stdout.is_empty()
            && self.sql.is_empty()
            && self.error.is_none()
    }
}

impl Comparison {
    pub fn run(code: &str, rel: &str, kind: &str) -> Self {
        Comparison {
            rel: rel.to_string(),
            kind: if kind.is_empty() { "sync" } else { kind }.to_string(),
            code: code.to_string(),
            result: relplay::compare(code, rel, kind, crate::app::SCRIPT_PATH),
        }
    }

    /// The rows: script lines where any variant did something, in order.
    fn rows(variants: &[relplay::Variant]) -> Vec<u32> {
        let mut lines: Vec<u32> = variants
            .iter()
            .flat_map(|v| {
                v.lines
                    .iter()
                    .map(|c| c.line)
                    .chain((v.error.is_some()).then_some(v.error_line))
            })
            .collect();
        lines.sort_unstable();
        lines.dedup();
        // A line whose cells are all empty (only stderr, say) is no row.
        lines.retain(|&l| variants.iter().any(|v| !Self::cell(v, l).is_empty()));
        lines
    }

    fn cell(v: &relplay::Variant, line: u32) -> Cell {
        let c = v.lines.iter().find(|c| c.line == line);
        Cell {
            holds: c.map(|c| c.holds.clone()).unwrap_or_default(),
            stdout: c.map(|c| c.stdout.clone()).unwrap_or_default(),
            sql: c.map(|c| c.sql.clone()).unwrap_or_default(),
            error: v.error.clone().filter(|_| v.error_line == line),
        }
    }
}

#[component]
pub fn CompareView(lab: Lab) -> impl IntoView {
    let rel = RwSignal::new(String::new());
    let kind = RwSignal::new("sync".to_string());
    let rels = Memo::new(move |_| {
        lab.code.with(|c| {
            relplay::model(c)
                .map(|m| {
                    m.classes
                        .iter()
                        .flat_map(|k| {
                            k.relationships
                                .iter()
                                .map(move |r| format!("{}.{}", k.name, r.attr))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <div class="lab-compare">
            <div class="lab-compare-bar">
                <span class="lab-title">"Compare"</span>
                <select data-testid="compare-rel" aria-label="Relationship" prop:value=move || rel.get() on:change=move |ev| rel.set(event_target_value(&ev))>
                    <option value="">"relationship…"</option>
                    {move || rels.get().into_iter().map(|r| view! { <option value=r.clone()>{r.clone()}</option> }).collect_view()}
                </select>
                <select data-testid="compare-kind" aria-label="Variants" prop:value=move || kind.get() on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="sync">"how the sides are linked"</option>
                    <option value="lazy">"loader strategy (lazy=)"</option>
                </select>
                <button data-testid="compare-run" on:click=move |_| {
                    let r = rel.get_untracked();
                    let r = if r.is_empty() { rels.get_untracked().first().cloned().unwrap_or_default() } else { r };
                    lab.compare(&r, &kind.get_untracked());
                }>"Compare"</button>
            </div>
            <div data-testid="compare" class="compare">
                {move || lab.comparison.get().map(render)}
            </div>
        </div>
    }
}

fn render(c: Comparison) -> AnyView {
    let variants = match c.result {
        Ok(v) => v,
        Err(e) => {
            return view! { <p class="compare-error" data-testid="compare-error">{format!("Cannot compare {}: {e}", c.rel)}</p> }.into_any()
        }
    };
    let lines: Vec<&str> = c.code.lines().collect();
    let rows = Comparison::rows(&variants);
    let head = variants
        .iter()
        .map(|v| view! { <th data-testid="compare-variant" scope="col">{v.variant.clone()}</th> })
        .collect_view();
    let summary = |label: &'static str, f: &dyn Fn(&relplay::Variant) -> String| {
        let first = variants.first().map(f).unwrap_or_default();
        let cells = variants
            .iter()
            .map(|v| {
                let text = f(v);
                let class = if text != first { "cell diff" } else { "cell" };
                view! { <td class=class data-testid="compare-summary" data-variant=v.variant.clone() data-what=label>{text}</td> }
            })
            .collect_view();
        view! { <tr class="summary"><th scope="row" colspan="2">{label}</th>{cells}</tr> }
    };
    let exit_row = summary("exit", &|v| v.exit.to_string());
    let stmt_row = summary("SQL statements", &|v| v.statements.to_string());
    let body = rows
        .into_iter()
        .map(|line| {
            let first = variants.first().map(|v| Comparison::cell(v, line));
            let code = if line == 0 {
                "(lines the variant added)".to_string()
            } else {
                lines.get(line as usize - 1).map(|s| s.trim().to_string()).unwrap_or_default()
            };
            let cells = variants
                .iter()
                .map(|v| {
                    let cell = Comparison::cell(v, line);
                    let diff = first.as_ref().is_some_and(|f| *f != cell);
                    let class = match (diff, cell.error.is_some()) {
                        (_, true) => "cell error",
                        (true, false) => "cell diff",
                        _ => "cell",
                    };
                    let n = cell.sql.len();
                    let sql = (n > 0).then(|| {
                        let text = cell.sql.join("\n");
                        view! {
                            <details class="cell-sql">
                                <summary>{format!("{n} SQL")}</summary>
                                <pre>{text}</pre>
                            </details>
                        }
                    });
                    view! {
                        <td class=class data-testid="compare-cell" data-variant=v.variant.clone() data-line=line.to_string() data-sql=n.to_string()>
                            {(!cell.holds.is_empty()).then(|| view! {
                                <ul class="cell-holds" data-testid="compare-holds">
                                    {cell.holds.iter().map(|h| view! { <li>{h.clone()}</li> }).collect_view()}
                                </ul>
                            })}
                            <pre class="cell-out">{cell.stdout.clone()}</pre>
                            {sql}
                            {cell.error.clone().map(|e| view! { <pre class="cell-error" data-testid="compare-error-cell">{e}</pre> })}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row" class="line-no">{line.to_string()}</th>
                    <td class="line-code"><code>{code}</code></td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="compare-table" data-rel=c.rel.clone() data-kind=c.kind.clone()>
            <caption>{format!("{} — {}", c.rel, c.kind)}</caption>
            <thead><tr><th scope="col">"line"</th><th scope="col">"code"</th>{head}</tr></thead>
            <tbody>{exit_row}{stmt_row}{body}</tbody>
        </table>
    }
    .into_any()
}
