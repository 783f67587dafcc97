//! Unit tests of `run_traced`: steps, snapshots, changes, causes, model.

use crate::run_traced;
use crate::trace::Step;

const MODEL: &str = "from sqlalchemy import create_engine, ForeignKey
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, Session

class Base(DeclarativeBase):
    pass

class Parent(Base):
    __tablename__ = 'parent'
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    children: Mapped[list['Child']] = relationship(back_populates='parent')

class Child(Base):
    __tablename__ = 'child'
    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey('parent.id'))
    parent: Mapped['Parent'] = relationship(back_populates='children')

engine = create_engine('sqlite://', echo=True)
Base.metadata.create_all(engine)
";

fn traced(body: &str) -> (crate::Run, Vec<Step>) {
    let src = format!("{MODEL}{body}");
    let run = run_traced(&src, "/s.py");
    assert_eq!(run.exit, 0, "{}", run.stderr);
    let steps = run.trace.clone().map(|t| t.steps).unwrap_or_default();
    (run, steps)
}

/// The step of the first execution of `line` (1-based, counted in `body`).
fn step_at(steps: &[Step], body_line: u32) -> &Step {
    let line = MODEL.lines().count() as u32 + body_line;
    steps
        .iter()
        .find(|s| s.line == line)
        .unwrap_or_else(|| panic!("no step for line {line}"))
}

#[test]
fn steps_snapshot_objects_and_states() {
    let (run, steps) = traced(
        "with Session(engine) as s:\n    p = Parent(name='p')\n    s.add(p)\n    s.commit()\n    x = 1\n",
    );
    let p2 = step_at(&steps, 2);
    assert_eq!(p2.objects.len(), 1);
    assert_eq!(p2.objects[0].id, "Parent#1");
    assert_eq!(p2.objects[0].state, "transient");
    assert_eq!(
        p2.objects[0].columns,
        vec![("name".to_string(), "'p'".to_string())]
    );
    assert_eq!(step_at(&steps, 3).objects[0].state, "pending");
    let commit = step_at(&steps, 4);
    assert_eq!(commit.objects[0].state, "persistent");
    // expired by the commit: no column is loaded
    assert!(commit.objects[0].columns.is_empty());
    assert!(commit
        .events
        .iter()
        .any(|&i| run.events[i].text.starts_with("INSERT INTO parent")));
    let model = run.trace.map(|t| t.model).unwrap_or_default();
    assert_eq!(model.tables.len(), 2);
    assert_eq!(
        model.classes[1].relationships[0].pair.as_deref(),
        Some("Parent.children")
    );
}

#[test]
fn plain_run_is_untraced_and_output_matches() {
    let src =
        format!("{MODEL}with Session(engine) as s:\n    s.add(Parent(name='x'))\n    s.commit()\n");
    let plain = crate::run(&src, "/s.py");
    let traced = run_traced(&src, "/s.py");
    assert!(plain.trace.is_none());
    assert_eq!(plain.stdout, traced.stdout);
    assert_eq!(plain.events.len(), traced.events.len());
}

#[test]
fn sql_causes_name_the_lazy_load_and_autoflush() {
    let (run, _) = traced(
        "with Session(engine) as s:
    s.add(Parent(name='a', children=[Child()]))
    s.commit()
    p = s.get(Parent, 1)
    s.add(Child(parent=p))
    print(len(p.children))
    x = 1
",
    );
    let line = MODEL.lines().count() as u32 + 6;
    let causes: Vec<_> = run
        .events
        .iter()
        .filter(|e| e.stream == "sql" && e.line == line && !e.text.starts_with('['))
        .map(|e| {
            (
                e.text.split_whitespace().next().unwrap_or(""),
                e.cause.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        causes,
        vec![
            ("INSERT", Some("autoflush")),
            ("SELECT", Some("lazy load Parent.children")),
        ]
    );
}

#[test]
fn dropped_objects_leave_the_snapshot() {
    let (_, steps) = traced("p = Parent(name='a')\np = None\nx = 1\n");
    assert_eq!(step_at(&steps, 1).objects.len(), 1);
    assert!(step_at(&steps, 2).objects.is_empty());
}

#[test]
fn steps_cover_function_bodies_and_loop_iterations() {
    let (_, steps) = traced("def f(n):\n    return Parent(name=n)\nps = [f(str(i)) for i in range(3)]\nfor p in ps:\n    p.name = 'x'\n");
    let body = MODEL.lines().count() as u32 + 2;
    assert_eq!(steps.iter().filter(|s| s.line == body).count(), 3);
    let set = MODEL.lines().count() as u32 + 5;
    let sets: Vec<_> = steps
        .iter()
        .filter(|s| s.line == set)
        .flat_map(|s| s.changes.iter().map(|c| c.object.clone()))
        .collect();
    assert_eq!(sets, ["Parent#1", "Parent#2", "Parent#3"]);
}

#[test]
fn a_long_loop_is_truncated_not_unbounded() {
    let (run, steps) = traced("for i in range(5000):\n    x = i\n");
    assert_eq!(steps.len(), crate::tracer::MAX_STEPS);
    assert!(run.trace.is_some_and(|t| t.truncated));
    let (run, _) = traced("ps = [Parent(name=str(i)) for i in range(400)]\nx = 1\n");
    let t = run.trace.unwrap_or_default();
    assert!(t.truncated);
    assert!(t.steps.iter().all(|s| s.objects.len() <= 300));
}

#[test]
fn values_show_without_running_user_code() {
    let (run, steps) = traced(
        "import datetime, enum
class Loud:
    def __repr__(self):
        print('side effect')
        return 'Loud()'
p = Parent(name='a')
p.name = Loud()
p.name = datetime.date(2024, 1, 2)
x = 1
",
    );
    assert!(!run.stdout.contains("side effect"));
    let loud = step_at(&steps, 7);
    assert_eq!(loud.changes[0].value, ["<Loud object>"]);
    let date = step_at(&steps, 8);
    assert_eq!(date.changes[0].value, ["datetime.date(2024, 1, 2)"]);
}

#[test]
fn long_values_are_cut_in_snapshots() {
    let (_, steps) = traced(
        "p = Parent(name='ab' * 100000)
x = 1
",
    );
    let shown = &step_at(&steps, 2).objects[0].columns[0].1;
    assert_eq!(shown.len(), "'".len() + 100 + "…'".len());
    assert!(
        shown.starts_with("'abab") && shown.ends_with("…'"),
        "{shown}"
    );
}

#[test]
fn runtime_model_reports_pairing_direction_and_lines() {
    let src =
        "from sqlalchemy import create_engine, Column, ForeignKey, Table, Integer, String, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, backref

class Base(DeclarativeBase):
    pass

link = Table('link', Base.metadata,
    Column('a_id', ForeignKey('a.id'), primary_key=True),
    Column('b_id', ForeignKey('b.id'), primary_key=True))

class A(Base):
    __tablename__ = 'a'
    id: Mapped[int] = mapped_column(primary_key=True)
    name = Column(String(30), unique=True)
    bs = relationship('B', secondary=link, backref='as_', lazy='selectin')
    one = relationship('C', uselist=False, back_populates='a')

class B(Base):
    __tablename__ = 'b'
    id: Mapped[int] = mapped_column(primary_key=True)

class C(Base):
    __tablename__ = 'c'
    id: Mapped[int] = mapped_column(primary_key=True)
    a_id = Column(Integer, ForeignKey('a.id'))
    a = relationship('A', back_populates='one')
    b = relationship('B', viewonly=True, primaryjoin='C.id == B.id', foreign_keys='B.id')

create_engine('sqlite://')
";
    let run = run_traced(src, "/m.py");
    assert_eq!(run.exit, 0, "{}", run.stderr);
    let model = run.trace.map(|t| t.model).unwrap_or_default();
    let rel = |class: &str, attr: &str| {
        model
            .classes
            .iter()
            .find(|c| c.name == class)
            .and_then(|c| c.relationships.iter().find(|r| r.attr == attr))
            .cloned()
            .unwrap_or_else(|| panic!("{class}.{attr}"))
    };
    let bs = rel("A", "bs");
    assert_eq!(
        (
            bs.direction.as_str(),
            bs.secondary.as_deref(),
            bs.lazy.as_str()
        ),
        ("many-to-many", Some("link"), "selectin")
    );
    assert_eq!(
        (bs.declared.as_str(), bs.pair.as_deref(), bs.line),
        ("backref", Some("B.as_"), 15)
    );
    let as_ = rel("B", "as_");
    assert_eq!(
        (as_.declared.as_str(), as_.line, as_.pair.as_deref()),
        ("backref-generated", 0, Some("A.bs"))
    );
    let one = rel("A", "one");
    assert_eq!((one.direction.as_str(), one.uselist), ("one-to-one", false));
    let a = rel("C", "a");
    assert_eq!(
        (a.direction.as_str(), a.declared.as_str()),
        ("one-to-one", "back_populates")
    );
    let b = rel("C", "b");
    assert!(b.viewonly);
    assert_eq!(b.declared, "one-sided");
    let table = |name: &str| {
        model
            .tables
            .iter()
            .find(|t| t.name == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    let a_tab = table("a");
    let name = a_tab
        .columns
        .iter()
        .find(|c| c.name == "name")
        .cloned()
        .unwrap_or_else(|| panic!("a.name"));
    assert_eq!(
        (name.sql_type.as_str(), name.unique, name.nullable),
        ("VARCHAR(30)", true, true)
    );
    let link = table("link");
    assert_eq!(link.columns[0].foreign_keys, ["a.id"]);
    assert!(link.columns[0].primary_key);
}

#[test]
fn the_whole_traced_run_serializes() {
    let (run, _) = traced("p = Parent(name='a')\nc = Child(parent=p)\n");
    let json = serde_json::to_value(&run).unwrap_or_default();
    let steps = &json["trace"]["steps"];
    assert!(steps.as_array().is_some_and(|s| !s.is_empty()));
    let last = &steps[steps.as_array().map_or(0, |s| s.len() - 1)];
    assert_eq!(last["changes"][1]["via"], "back_populates of Child.parent");
    assert_eq!(json["trace"]["model"]["classes"][0]["name"], "Parent");
}

#[test]
fn enum_members_show_natively_without_user_reprs() {
    let (run, steps) = traced(
        "import enum, datetime
class Loud:
    def __repr__(self):
        print('side effect')
        return 'Loud()'
class Color(enum.Enum):
    RED = 1
    ODD = Loud()
p = Parent(name='a')
p.name = Color.RED
p.name = Color.ODD
x = 1
",
    );
    assert!(!run.stdout.contains("side effect"), "{}", run.stdout);
    assert_eq!(step_at(&steps, 10).changes[0].value, ["<Color.RED: 1>"]);
    assert_eq!(
        step_at(&steps, 11).changes[0].value,
        ["<Color.ODD: <Loud object>>"]
    );
}

#[test]
fn model_is_configured_even_if_the_script_never_used_it() {
    let src = format!("{MODEL}print('declared only')\n");
    let run = run_traced(&src, "/s.py");
    let plain = crate::run(&src, "/s.py");
    assert_eq!(run.stdout, plain.stdout);
    assert_eq!(run.stderr, plain.stderr);
    let model = run.trace.map(|t| t.model).unwrap_or_default();
    let children = &model.classes[0].relationships[0];
    assert_eq!(children.direction, "one-to-many");
    // a failed configuration leaves its relationship unconfigured
    let bad = "from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
class Base(DeclarativeBase):
    pass
class A(Base):
    __tablename__ = 'a'
    id: Mapped[int] = mapped_column(primary_key=True)
    b = relationship('Nope')
";
    let run = run_traced(bad, "/b.py");
    assert_eq!(run.exit, 0);
    let model = run.trace.map(|t| t.model).unwrap_or_default();
    assert_eq!(model.classes[0].relationships[0].direction, "unconfigured");
    assert_eq!(model.classes[0].relationships[0].target, "Nope");
}
