//! Data-driven lint tests: every `tests/lints/*.py` declares on its first
//! line the exact set of lint codes it must produce (`# lints: a, b` or
//! `# lints: none`); the gallery's mistakes must each trigger their lint and
//! its correct examples must trigger nothing above info level.

use relplay_lab::{lint, Severity};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn py_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    v.sort();
    v
}

fn codes(source: &str) -> BTreeSet<String> {
    lint(source).into_iter().map(|l| l.code).collect()
}

#[test]
fn lint_scenarios() {
    let files = py_files("tests/lints");
    assert!(
        files.len() >= 20,
        "expected the scenario corpus, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap();
        let header = src.lines().next().unwrap_or("");
        let want: BTreeSet<String> = match header.strip_prefix("# lints:") {
            Some(rest) if rest.trim() == "none" => BTreeSet::new(),
            Some(rest) => rest
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            None => panic!("{}: first line must be `# lints: ...`", f.display()),
        };
        let got = codes(&src);
        if got != want {
            failures.push(format!(
                "{}: want {want:?}, got {got:?}",
                f.file_name().unwrap().to_string_lossy()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Each code is known, and has a trigger and a near-miss scenario.
#[test]
fn every_code_has_scenarios() {
    let mut triggered = BTreeSet::new();
    let mut near_misses = 0;
    for f in py_files("tests/lints") {
        let src = fs::read_to_string(&f).unwrap();
        let got = codes(&src);
        near_misses += usize::from(got.is_empty());
        triggered.extend(got);
    }
    let known: BTreeSet<String> = relplay_lab::lints::CODES
        .iter()
        .map(|(c, _)| c.to_string())
        .collect();
    assert_eq!(triggered, known);
    assert!(
        near_misses * 2 >= known.len(),
        "too few near-miss scenarios: {near_misses}"
    );
}

#[test]
fn every_lint_is_complete() {
    for f in py_files("tests/lints")
        .iter()
        .chain(py_files("tests/gallery").iter())
    {
        let src = fs::read_to_string(f).unwrap();
        for l in lint(&src) {
            let name = f.display();
            assert!(
                !l.message.is_empty() && !l.why.is_empty() && !l.fix.is_empty(),
                "{name}: {l:?}"
            );
            assert!(
                l.line >= 1 && l.span.start <= l.span.end && (l.span.end as usize) <= src.len(),
                "{name}: {l:?}"
            );
            if let Some(ex) = &l.example {
                assert!(
                    root()
                        .join("tests/gallery")
                        .join(format!("{ex}.py"))
                        .exists(),
                    "{name}: unknown example {ex}"
                );
            }
            for e in &l.edits {
                assert!(
                    (e.span.end as usize) <= src.len()
                        && src.is_char_boundary(e.span.start as usize),
                    "{name}: {e:?}"
                );
            }
        }
    }
}

#[test]
fn gallery_mistakes_trigger_their_lint() {
    let expect = [
        ("mistake_back_populates_mismatch", "back-populates-mismatch"),
        ("mistake_fk_wrong_side", "fk-on-parent-side"),
        ("mistake_legacy_1x", "legacy-1x"),
        ("mistake_m2m_no_secondary", "m2m-without-secondary"),
        ("mistake_py2_print", "python2-print"),
        ("mistake_wrong_table", "fk-unknown-table"),
        ("sync_one_sided", "one-sided-relationship"),
        ("lazy_strategies", "lazy-load-in-loop"),
    ];
    let gallery = py_files("tests/gallery");
    let mistakes: Vec<String> = gallery
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|s| s.starts_with("mistake_"))
        .collect();
    for m in &mistakes {
        assert!(
            expect.iter().any(|(id, _)| id == m),
            "gallery mistake {m} has no lint listed here"
        );
    }
    for (id, code) in expect {
        let src = fs::read_to_string(root().join(format!("tests/gallery/{id}.py"))).unwrap();
        let lints = lint(&src);
        let hit = lints.iter().find(|l| l.code == code);
        assert!(
            hit.is_some(),
            "{id}: expected {code}, got {:?}",
            lints.iter().map(|l| &l.code).collect::<Vec<_>>()
        );
        assert_eq!(
            hit.unwrap().example.as_deref(),
            Some(id),
            "{id}: the lint should name its gallery example"
        );
    }
}

#[test]
fn gallery_correct_examples_are_clean() {
    let correct = [
        "one_to_many",
        "many_to_one",
        "many_to_many_table",
        "many_to_many_lambda",
        "association_object",
        "adjacency_list",
        "blog",
        "joins",
        "person_offences",
        "sync_back_populates",
        "sync_backref",
        "one_to_one",
    ];
    for id in correct {
        let src = fs::read_to_string(root().join(format!("tests/gallery/{id}.py"))).unwrap();
        let bad: Vec<String> = lint(&src)
            .into_iter()
            .filter(|l| l.severity > Severity::Info)
            .map(|l| format!("{} line {}: {}", l.code, l.line, l.message))
            .collect();
        assert!(bad.is_empty(), "{id}: {bad:#?}");
    }
}

/// Every prefix of every script (cut at char boundaries, by lines and at
/// arbitrary points) lints without panicking.
#[test]
fn truncations_never_panic() {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for f in py_files("tests/gallery")
        .iter()
        .chain(py_files("tests/lints").iter())
    {
        let src = fs::read_to_string(f).unwrap();
        let mut cuts: Vec<usize> = src.match_indices('\n').map(|(i, _)| i).collect();
        for _ in 0..40 {
            cuts.push((next() % (src.len() as u64 + 1)) as usize);
        }
        for mut cut in cuts {
            while !src.is_char_boundary(cut) {
                cut -= 1;
            }
            let _ = lint(&src[..cut]);
            let _ = relplay_lab::read_model(&src[..cut]);
            // A chunk missing in the middle, too.
            let mut mid = cut / 2;
            while !src.is_char_boundary(mid) {
                mid -= 1;
            }
            let _ = lint(&format!("{}{}", &src[..mid], &src[cut..]));
        }
    }
}

/// Shapes a hostile or confused script may take: nothing panics, nothing overflows.
#[test]
fn hostile_inputs_never_panic() {
    let chain = format!("x = a{}\n", ".b".repeat(20_000));
    let rel = format!(
        "class A(Base):\n    __tablename__ = 'a'\n    r = relationship(a{}, backref=backref())\n",
        ".b".repeat(5_000)
    );
    let sums = format!(
        "for x in session.query(A):\n    y = x.r{}\n",
        " + x.r".repeat(5_000)
    );
    let cases = [
        "",
        "\n\n",
        "print \"unterminated",
        "print",
        "print >>",
        "class A(Base):\n    __tablename__ = 1\n    r = relationship()\n",
        "class A(Base):\n    __tablename__ = 'a'\n    r = relationship('A', back_populates='r', backref='r')\n",
        "Base = declarative_base()\nclass A(Base):\n    __tablename__ = 'a'\n    id = Column(ForeignKey())\n    b = relationship(lambda: B, secondary=lambda: t)\nclass B(A):\n    x: Mapped[List[Optional['A' | None]]] = relationship()\n",
        "class A(B):\n    pass\nclass B(A):\n    __tablename__ = 'b'\n    a = relationship('A', uselist=False)\n",
        "t = Table()\nt = Table('t', m, Column(), Column(ForeignKey('.')))\nclass X(Base):\n    __tablename__ = 't'\n    y = relationship('X', foreign_keys='[X.id]')\n",
        "for a in session.scalars(stmt):\n    a.b\nstmt = select()\nfor a in session.query():\n    pass\n",
        "Ünïcode = 'é'\nprint 'é', Ünïcode\nprint 'ü'\n",
        "\u{0}",
        &chain,
        &rel,
        &sums,
    ];
    for c in cases {
        let _ = lint(c);
        let _ = relplay_lab::read_model(c);
    }
}

/// Print every lint of one file: `LINT_FILE=tests/gallery/x.py cargo test -p relplay-lab --test lints show -- --nocapture`.
#[test]
fn show() {
    if let Ok(f) = std::env::var("LINT_FILE") {
        let src = fs::read_to_string(root().join(&f)).unwrap();
        for l in lint(&src) {
            println!(
                "{:?} {} line {}: {}\n  why: {}\n  fix: {}\n  code: {:?}\n  edits: {:?}\n",
                l.severity, l.code, l.line, l.message, l.why, l.fix, l.fix_code, l.edits
            );
        }
    }
}
