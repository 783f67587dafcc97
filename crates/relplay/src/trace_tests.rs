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
