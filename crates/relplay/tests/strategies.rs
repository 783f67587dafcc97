//! Issue 6: for each loader strategy, every SELECT is attributed to the
//! line and the attribute access that caused it (the N+1 view stands on
//! this). One script per strategy: load the parents on one line, touch
//! `p.children` in a loop on another.

const SCRIPT: &str = "from sqlalchemy import create_engine, ForeignKey, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session
class Base(DeclarativeBase):
    pass
class Parent(Base):
    __tablename__ = 'parent'
    id: Mapped[int] = mapped_column(primary_key=True)
    children = relationship('Child', lazy='STRATEGY')
class Child(Base):
    __tablename__ = 'child'
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey('parent.id'))
engine = create_engine('sqlite://')
Base.metadata.create_all(engine)
with Session(engine) as session:
    session.add_all([Parent(id=i, children=[Child(), Child()]) for i in (1, 2)])
    session.commit()
engine.echo = True
with Session(engine) as session:
    parents = session.scalars(select(Parent)).unique().all()
    for p in parents:
        try:
            print(len(list(p.children)))
        except Exception as e:
            print(type(e).__name__)
";

const QUERY_LINE: u32 = 20;
const ACCESS_LINE: u32 = 23;

/// A SELECT's script line and cause.
type Select = (u32, Option<String>);

/// (line, cause) of each SELECT, and what the script printed (not the SQL).
fn selects(strategy: &str) -> (Vec<Select>, String) {
    let src = SCRIPT.replace("STRATEGY", strategy);
    let run = relplay::run_traced(&src, "/s.py");
    let got = run
        .events
        .iter()
        .filter(|e| e.stream == "sql" && e.text.starts_with("SELECT"))
        .map(|e| (e.line, e.cause.clone()))
        .collect();
    let prints: String = run
        .events
        .iter()
        .filter(|e| e.stream != "sql")
        .map(|e| e.text.as_str())
        .collect();
    (got, prints)
}

#[test]
fn every_select_names_its_line_and_cause() {
    let lazy = |s: &str| Some(format!("{s} Parent.children"));
    let cases: Vec<(&str, Vec<Select>)> = vec![
        (
            "select",
            vec![
                (QUERY_LINE, None),
                (ACCESS_LINE, lazy("lazy load")),
                (ACCESS_LINE, lazy("lazy load")),
            ],
        ),
        ("joined", vec![(QUERY_LINE, None)]),
        (
            "selectin",
            vec![(QUERY_LINE, None), (QUERY_LINE, lazy("selectin load"))],
        ),
        (
            "subquery",
            vec![(QUERY_LINE, None), (QUERY_LINE, lazy("subquery load"))],
        ),
        (
            "dynamic",
            vec![
                (QUERY_LINE, None),
                (ACCESS_LINE, lazy("dynamic load")),
                (ACCESS_LINE, lazy("dynamic load")),
            ],
        ),
        ("raise", vec![(QUERY_LINE, None)]),
        ("noload", vec![(QUERY_LINE, None)]),
    ];
    let mut failures = Vec::new();
    for (strategy, want) in cases {
        let (got, out) = selects(strategy);
        if got != want {
            failures.push(format!("{strategy}: got {got:?}\nwant {want:?}\n{out}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `lazy='immediate'`: each object's SELECT runs as the query loads it, so
/// it is on the query line, named "immediate load".
#[test]
fn immediate_selects_are_on_the_query_line() {
    let (got, out) = selects("immediate");
    let load = Some("immediate load Parent.children".to_string());
    assert_eq!(
        got,
        vec![
            (QUERY_LINE, None),
            (QUERY_LINE, load.clone()),
            (QUERY_LINE, load)
        ],
        "{out}"
    );
}

#[test]
fn raise_and_write_only_load_nothing_on_access() {
    let (_, out) = selects("raise");
    assert_eq!(out, "InvalidRequestError\nInvalidRequestError\n");
    // a WriteOnlyCollection is not iterable: it is read with .select()
    let (got, out) = selects("write_only");
    assert_eq!(got, vec![(QUERY_LINE, None)], "{out}");
    assert_eq!(out, "TypeError\nTypeError\n");
}
