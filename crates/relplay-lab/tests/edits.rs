//! Data-driven edit tests: every `tests/lab/edits/NAME.py` starts with
//! `# edit: {json action}` and must become exactly `NAME.after.py` (set
//! `RELPLAY_BLESS=1` to write missing/changed `.after.py` files, then review
//! them). A `# edit-error:` header instead names the error the edit must give.

use relplay_lab::edit::{apply, Action, RelKind};
use std::fs;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lab/edits")
}

#[test]
fn edit_scenarios() {
    let bless = std::env::var_os("RELPLAY_BLESS").is_some();
    let mut files: Vec<PathBuf> = fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            n.ends_with(".py") && !n.ends_with(".after.py")
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "expected the edit corpus");
    let mut failures = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap();
        let header = src.lines().next().unwrap_or("");
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        if let Some(rest) = header.strip_prefix("# edit-error:") {
            let (want, json) = rest.trim().split_once(' ').expect("error name then action");
            let action: Action = serde_json::from_str(json).expect(&name);
            match apply(&src, &action) {
                Err(e) if format!("{e:?}").starts_with(want) => {}
                other => failures.push(format!("{name}: want {want}, got {other:?}")),
            }
            continue;
        }
        let json = header
            .strip_prefix("# edit:")
            .unwrap_or_else(|| panic!("{name}: first line must be `# edit: {{...}}`"));
        let action: Action = serde_json::from_str(json.trim()).expect(&name);
        let after = f.with_file_name(name.replace(".py", ".after.py"));
        match apply(&src, &action) {
            Ok(got) => {
                let want = fs::read_to_string(&after).unwrap_or_default();
                if got != want {
                    if bless {
                        fs::write(&after, &got).unwrap();
                    } else {
                        failures.push(format!("{name}: got\n{got}"));
                    }
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Every edit keeps the script parseable or refuses: no action on any
/// corpus script panics, whatever it names.
#[test]
fn edits_never_panic_on_the_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests");
    let files = ["lints", "gallery", "hostile", "orm"]
        .iter()
        .flat_map(|d| fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"));
    for path in files {
        let Ok(src) = fs::read_to_string(&path) else {
            continue;
        };
        let Ok(model) = relplay_lab::read_model(&src) else {
            continue;
        };
        for c in &model.classes {
            for r in &c.relationships {
                let rel = format!("{}.{}", c.name, r.attr);
                for sync in relplay_lab::edit::Sync::ALL {
                    let _ = apply(
                        &src,
                        &Action::SetSync {
                            rel: rel.clone(),
                            sync,
                            other: None,
                        },
                    );
                }
                let _ = apply(&src, &Action::MoveForeignKey { rel: rel.clone() });
                let _ = apply(
                    &src,
                    &Action::SetUselist {
                        rel: rel.clone(),
                        uselist: Some(false),
                    },
                );
            }
            for col in &c.columns {
                let spec = relplay_lab::edit::column_spec(col);
                let name = spec.name.clone();
                let mut changed = spec.clone();
                changed.type_ = "String(9)".into();
                changed.unique = !spec.unique;
                changed.nullable = !spec.nullable;
                changed.primary_key = !spec.primary_key;
                changed.foreign_key = if spec.foreign_key.is_some() {
                    None
                } else {
                    Some("t.id".into())
                };
                let class = c.name.clone();
                let _ = apply(
                    &src,
                    &Action::SetColumn {
                        class: class.clone(),
                        name: name.clone(),
                        column: changed,
                    },
                );
                let _ = apply(
                    &src,
                    &Action::RenameColumn {
                        class: class.clone(),
                        name: name.clone(),
                        to: "renamed".into(),
                    },
                );
                let _ = apply(&src, &Action::DeleteColumn { class, name });
            }
            for other in &model.classes {
                for kind in [
                    RelKind::OneToMany,
                    RelKind::ManyToOne,
                    RelKind::OneToOne,
                    RelKind::ManyToMany,
                    RelKind::AssociationObject,
                    RelKind::SelfReferential,
                ] {
                    let _ = apply(
                        &src,
                        &Action::AddRelationship {
                            kind,
                            from: c.name.clone(),
                            to: other.name.clone(),
                            attr: "xs".into(),
                            back: Some("ys".into()),
                        },
                    );
                }
            }
            let _ = apply(
                &src,
                &Action::RenameModel {
                    name: c.name.clone(),
                    to: "Renamed".into(),
                },
            );
            let _ = apply(
                &src,
                &Action::DeleteModel {
                    name: c.name.clone(),
                },
            );
        }
    }
}
