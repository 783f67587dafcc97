//! "Objects — both sides, step by step": what the page shows at one step of
//! a traced run (`relplay::Trace`): one card per instance with its state,
//! column values and relationship attributes, and what this step changed
//! (new members, removed ones, the `via` reason), found by comparing with
//! the step before. Pure data, tested natively; `pane.rs` draws it.

pub mod pane;

use relplay::trace::{Change, ObjectSnapshot, Step, Trace};

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: String,
    pub class: String,
    pub state: String,
    /// The object did not exist at the step before.
    pub is_new: bool,
    /// The state before this step, when it changed.
    pub was: Option<String>,
    pub columns: Vec<ColumnRow>,
    pub rels: Vec<RelRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnRow {
    pub name: String,
    pub value: String,
    pub changed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RelRow {
    pub attr: String,
    pub loaded: bool,
    pub collection: bool,
    pub items: Vec<Item>,
    /// Members (or the old value) this step took away.
    pub removed: Vec<String>,
    /// This step's changes to the attribute.
    pub changes: Vec<Change>,
    /// The other side `Class.attr`, from the run's mapped model.
    pub pair: Option<String>,
    /// How the pair was declared (`back_populates`, `backref`, `one-sided`...).
    pub declared: Option<String>,
}

impl RelRow {
    pub fn changed(&self) -> bool {
        !self.changes.is_empty() || !self.removed.is_empty() || self.items.iter().any(|i| i.added)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub id: String,
    pub added: bool,
}

fn find<'a>(step: Option<&'a Step>, id: &str) -> Option<&'a ObjectSnapshot> {
    step?.objects.iter().find(|o| o.id == id)
}

/// The cards at step `index` (empty when out of range).
pub fn cards(trace: &Trace, index: usize) -> Vec<Card> {
    let Some(step) = trace.steps.get(index) else {
        return Vec::new();
    };
    let prev = index.checked_sub(1).and_then(|i| trace.steps.get(i));
    step.objects
        .iter()
        .map(|o| card(trace, step, find(prev, &o.id), o))
        .collect()
}

fn card(trace: &Trace, step: &Step, before: Option<&ObjectSnapshot>, o: &ObjectSnapshot) -> Card {
    let columns = o
        .columns
        .iter()
        .map(|(name, value)| ColumnRow {
            name: name.clone(),
            value: value.clone(),
            changed: before.is_some_and(|b| {
                b.columns
                    .iter()
                    .find(|(n, _)| n == name)
                    .is_none_or(|(_, v)| v != value)
            }),
        })
        .collect();
    let info = trace.model.classes.iter().find(|c| c.name == o.class);
    let rels = o
        .relationships
        .iter()
        .map(|r| {
            let old = before.and_then(|b| b.relationships.iter().find(|x| x.attr == r.attr));
            let changes: Vec<Change> = step
                .changes
                .iter()
                .filter(|c| c.object == o.id && c.attr == r.attr)
                .cloned()
                .collect();
            let put_here = |id: &str| {
                changes.iter().any(|c| {
                    matches!(c.op.as_str(), "set" | "append") && c.value.iter().any(|v| v == id)
                })
            };
            let was_loaded = old.filter(|x| x.loaded);
            let items = r
                .value
                .iter()
                .map(|id| Item {
                    id: id.clone(),
                    added: r.loaded
                        && (put_here(id) || was_loaded.is_some_and(|x| !x.value.contains(id))),
                })
                .collect();
            let removed = match was_loaded {
                Some(x) if r.loaded => x
                    .value
                    .iter()
                    .filter(|v| !r.value.contains(v))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            let decl = info.and_then(|c| c.relationships.iter().find(|x| x.attr == r.attr));
            RelRow {
                attr: r.attr.clone(),
                loaded: r.loaded,
                collection: r.collection,
                items,
                removed,
                changes,
                pair: decl.and_then(|d| d.pair.clone()),
                declared: decl.map(|d| d.declared.clone()),
            }
        })
        .collect();
    Card {
        id: o.id.clone(),
        class: o.class.clone(),
        state: o.state.clone(),
        is_new: before.is_none(),
        was: before
            .filter(|b| b.state != o.state)
            .map(|b| b.state.clone()),
        columns,
        rels,
    }
}

/// One change in words: `Parent#1.children: append Child#1`.
pub fn change_text(c: &Change) -> String {
    if c.op == "state" {
        format!("{}: now {}", c.object, c.value.join(", "))
    } else if c.attr.is_empty() {
        format!("{}: {} {}", c.object, c.op, c.value.join(", "))
            .trim_end()
            .to_string()
    } else if c.value.is_empty() {
        format!("{}.{}: {}", c.object, c.attr, c.op)
    } else {
        format!("{}.{}: {} {}", c.object, c.attr, c.op, c.value.join(", "))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use relplay::trace::{MappedClassInfo, MappedModel, MappedRelationship, RelValue};

    fn obj(id: &str, state: &str, cols: &[(&str, &str)], rels: Vec<RelValue>) -> ObjectSnapshot {
        ObjectSnapshot {
            id: id.into(),
            class: id.split('#').next().unwrap_or_default().into(),
            state: state.into(),
            columns: cols
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
            relationships: rels,
        }
    }
    fn rel(attr: &str, loaded: bool, value: &[&str], collection: bool) -> RelValue {
        RelValue {
            attr: attr.into(),
            loaded,
            value: value.iter().map(|s| s.to_string()).collect(),
            collection,
        }
    }
    fn rel_info(
        attr: &str,
        target: &str,
        pair: Option<&str>,
        declared: &str,
    ) -> MappedRelationship {
        MappedRelationship {
            attr: attr.into(),
            target: target.into(),
            direction: "one-to-many".into(),
            uselist: true,
            secondary: None,
            lazy: "select".into(),
            pair: pair.map(Into::into),
            declared: declared.into(),
            viewonly: false,
            line: 1,
        }
    }

    /// `p = Parent(name="p"); c = Child(name="c"); c.parent = p` with back_populates.
    pub fn synced_trace(synced: bool) -> Trace {
        let children = |v: &[&str]| rel("children", true, v, true);
        let parent_of = |v: &[&str]| rel("parent", true, v, false);
        let p1 = |kids: &[&str]| {
            obj(
                "Parent#1",
                "transient",
                &[("name", "'p'")],
                vec![children(kids)],
            )
        };
        let c1 = |par: &[&str]| {
            obj(
                "Child#1",
                "transient",
                &[("name", "'c'")],
                vec![parent_of(par)],
            )
        };
        let mut changes = vec![Change {
            object: "Child#1".into(),
            attr: "parent".into(),
            op: "set".into(),
            value: vec!["Parent#1".into()],
            via: None,
        }];
        if synced {
            changes.push(Change {
                object: "Parent#1".into(),
                attr: "children".into(),
                op: "append".into(),
                value: vec!["Child#1".into()],
                via: Some("back_populates of Child.parent".into()),
            });
        }
        let (pair, declared) = if synced {
            (Some("Child.parent"), "back_populates")
        } else {
            (None, "one-sided")
        };
        Trace {
            model: MappedModel {
                tables: vec![],
                classes: vec![MappedClassInfo {
                    name: "Parent".into(),
                    table: "parent".into(),
                    relationships: vec![rel_info("children", "Child", pair, declared)],
                }],
            },
            steps: vec![
                Step {
                    line: 1,
                    objects: vec![p1(&[])],
                    changes: vec![],
                    events: vec![],
                },
                Step {
                    line: 2,
                    objects: vec![p1(&[]), c1(&[])],
                    changes: vec![],
                    events: vec![],
                },
                Step {
                    line: 3,
                    objects: vec![
                        p1(if synced { &["Child#1"] } else { &[] }),
                        c1(&["Parent#1"]),
                    ],
                    changes,
                    events: vec![],
                },
            ],
            truncated: false,
        }
    }

    #[test]
    fn back_populates_adds_the_child_with_its_reason() {
        let t = synced_trace(true);
        let cards = cards(&t, 2);
        let p = &cards[0];
        assert_eq!(p.id, "Parent#1");
        assert!(!p.is_new);
        let kids = &p.rels[0];
        assert_eq!(
            kids.items,
            [Item {
                id: "Child#1".into(),
                added: true
            }]
        );
        assert_eq!(
            kids.changes[0].via.as_deref(),
            Some("back_populates of Child.parent")
        );
        assert_eq!(kids.pair.as_deref(), Some("Child.parent"));
        assert!(cards[1].rels[0].items[0].added);
        assert_eq!(
            change_text(&kids.changes[0]),
            "Parent#1.children: append Child#1"
        );
    }

    #[test]
    fn one_sided_leaves_the_collection_alone() {
        let t = synced_trace(false);
        let cards = cards(&t, 2);
        let kids = &cards[0].rels[0];
        assert!(kids.items.is_empty() && !kids.changed());
        assert_eq!(kids.declared.as_deref(), Some("one-sided"));
        assert!(cards[1].rels[0].changed());
    }

    #[test]
    fn new_objects_state_and_column_changes() {
        let mut t = synced_trace(true);
        let c = cards(&t, 1);
        assert!(!c[0].is_new && c[1].is_new);
        assert!(
            !c[1].columns[0].changed,
            "a new object's columns are not 'changed'"
        );
        t.steps[2].objects[0].state = "pending".into();
        t.steps[2].objects[0].columns[0].1 = "'q'".into();
        let c = cards(&t, 2);
        assert_eq!(c[0].was.as_deref(), Some("transient"));
        assert!(c[0].columns[0].changed);
        assert!(cards(&t, 9).is_empty());
    }

    #[test]
    fn removed_members() {
        let mut t = synced_trace(true);
        t.steps.push(Step {
            line: 4,
            objects: vec![obj(
                "Parent#1",
                "transient",
                &[],
                vec![rel("children", true, &[], true)],
            )],
            changes: vec![],
            events: vec![],
        });
        assert_eq!(cards(&t, 3)[0].rels[0].removed, ["Child#1"]);
    }
}
