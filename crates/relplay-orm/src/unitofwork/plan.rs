use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::relationships::Direction;

/// A relationship's dependency processor, between two mappers (indexes).
#[derive(Clone, Debug)]
pub struct FlushDep {
    /// `"<parent sort key>_<prop key>"`, e.g. `"__main__.User_addresses"`.
    pub sort_key: String,
    pub direction: Direction,
    /// The mapper the relationship is declared on.
    pub parent: usize,
    /// The mapper it points to.
    pub child: usize,
}

/// The mappers and relationships taking part in one flush: every mapper
/// with objects to flush, with the relationships declared on those (not
/// viewonly), plus the mappers these point to.
#[derive(Clone, Debug, Default)]
pub struct FlushGraph {
    /// Each mapper's sort key: `"module.ClassName"` (e.g. `"__main__.User"`).
    pub mappers: Vec<String>,
    pub deps: Vec<FlushDep>,
    /// Mappers present only as a relationship's target, with no objects in
    /// this flush: they lack the "save before delete" edge of
    /// `_per_mapper_flush_actions`, which changes the order.
    pub without_states: Vec<usize>,
}

/// One step of the flush, in execution order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// UPDATEs then INSERTs of this mapper's rows (`_save_obj`). For a
    /// self-referential mapper, run the rows by `layer_rows`.
    SaveUpdate(usize),
    /// DELETEs of this mapper's rows (`_delete_obj`).
    Delete(usize),
    /// A relationship's processing: for many-to-many, the association
    /// INSERTs (`isdelete == false`) or DELETEs.
    Process { dep: usize, isdelete: bool },
}

impl Action {
    fn sort_key(&self, g: &FlushGraph) -> (u8, String, bool) {
        // The first tuple element in SQLAlchemy is the class name; their
        // alphabetical order is DeleteAll < ProcessAll < SaveUpdateAll.
        match self {
            Action::Delete(m) => (0, g.mappers[*m].clone(), false),
            Action::Process { dep, isdelete } => (1, g.deps[*dep].sort_key.clone(), *isdelete),
            Action::SaveUpdate(m) => (2, g.mappers[*m].clone(), false),
        }
    }
}

/// The flush's action order. Self-referential relationships add no
/// mapper-level edge (SQLAlchemy switches to per-row actions there).
pub fn plan_flush(g: &FlushGraph) -> OrmResult<Vec<Action>> {
    let mut actions: Vec<Action> = Vec::new();
    for m in 0..g.mappers.len() {
        actions.push(Action::SaveUpdate(m));
        actions.push(Action::Delete(m));
    }
    // Each mapper with objects in the flush saves before it deletes
    // (`_per_mapper_flush_actions`).
    let mut edges: Vec<(Action, Action)> = (0..g.mappers.len())
        .filter(|m| !g.without_states.contains(m))
        .map(|m| (Action::SaveUpdate(m), Action::Delete(m)))
        .collect();
    for (i, d) in g.deps.iter().enumerate() {
        if d.parent >= g.mappers.len() || d.child >= g.mappers.len() {
            return Err(OrmError::new(
                OrmErrorKind::InvalidRequestError,
                "flush dependency names an unknown mapper",
            ));
        }
        let after_save = Action::Process {
            dep: i,
            isdelete: false,
        };
        let before_delete = Action::Process {
            dep: i,
            isdelete: true,
        };
        actions.push(after_save.clone());
        actions.push(before_delete.clone());
        if d.parent == d.child && d.direction != Direction::ManyToMany {
            continue;
        }
        let (ps, pd) = (Action::SaveUpdate(d.parent), Action::Delete(d.parent));
        let (cs, cd) = (Action::SaveUpdate(d.child), Action::Delete(d.child));
        let e = |a: &Action, b: &Action| (a.clone(), b.clone());
        match d.direction {
            Direction::OneToMany => edges.extend([
                e(&ps, &after_save),
                e(&after_save, &cs),
                e(&after_save, &cd),
                e(&cs, &pd),
                e(&cd, &pd),
                e(&before_delete, &cs),
                e(&before_delete, &cd),
            ]),
            Direction::ManyToOne => edges.extend([
                e(&cs, &after_save),
                e(&after_save, &ps),
                e(&ps, &cd),
                e(&pd, &cd),
            ]),
            Direction::ManyToMany => edges.extend([
                e(&ps, &after_save),
                e(&cs, &after_save),
                e(&after_save, &cd),
                e(&before_delete, &ps),
                e(&before_delete, &pd),
                e(&before_delete, &cd),
                e(&before_delete, &cs),
            ]),
        }
    }
    actions.sort_by_key(|a| a.sort_key(g));
    layered_sort(&actions, &edges).ok_or_else(|| {
        OrmError::new(
            OrmErrorKind::CircularDependencyError,
            "Circular dependency detected. (mutually dependent mappers need post_update, not supported by the playground yet)",
        )
    })
}

/// `topological.sort`: repeatedly take, in input order, every item whose
/// parents are all done. `None` on a cycle.
fn layered_sort<T: Clone + PartialEq>(items: &[T], edges: &[(T, T)]) -> Option<Vec<T>> {
    let mut todo: Vec<T> = items.to_vec();
    let mut out = Vec::with_capacity(items.len());
    while !todo.is_empty() {
        let layer: Vec<T> = todo
            .iter()
            .filter(|n| !edges.iter().any(|(p, c)| c == *n && todo.contains(p)))
            .cloned()
            .collect();
        if layer.is_empty() {
            return None;
        }
        todo.retain(|n| !layer.contains(n));
        out.extend(layer);
    }
    Some(out)
}

/// Per-row order for a self-referential mapper: rows (in insert order)
/// grouped into layers where each row's parent is in an earlier layer.
/// SQLAlchemy executes each layer as one batch (so a layer of several
/// new rows is one insertmanyvalues run). Deletes use `layer_rows_for_delete`.
pub fn layer_rows(
    rows: &[usize],
    parent_of: &dyn Fn(usize) -> Option<usize>,
) -> OrmResult<Vec<Vec<usize>>> {
    let edges: Vec<(usize, usize)> = rows
        .iter()
        .filter_map(|&r| {
            parent_of(r)
                .filter(|p| *p != r && rows.contains(p))
                .map(|p| (p, r))
        })
        .collect();
    let mut todo: Vec<usize> = rows.to_vec();
    let mut out = Vec::new();
    while !todo.is_empty() {
        let layer: Vec<usize> = todo
            .iter()
            .copied()
            .filter(|n| !edges.iter().any(|(p, c)| c == n && todo.contains(p)))
            .collect();
        if layer.is_empty() {
            return Err(OrmError::new(
                OrmErrorKind::CircularDependencyError,
                "Circular dependency detected.",
            ));
        }
        todo.retain(|n| !layer.contains(n));
        out.push(layer);
    }
    Ok(out)
}

/// Per-row order of DELETEs for a self-referential mapper: each layer holds
/// the rows none of whose children (among `rows`) are still to be deleted,
/// so leaves go first. This is not the insert layering reversed: in
/// root -> (a -> a1), b the first layer is a1 *and* b.
pub fn layer_rows_for_delete(
    rows: &[usize],
    parent_of: &dyn Fn(usize) -> Option<usize>,
) -> OrmResult<Vec<Vec<usize>>> {
    let child_of = |r: usize| -> Vec<usize> {
        rows.iter()
            .copied()
            .filter(|&c| c != r && parent_of(c) == Some(r))
            .collect()
    };
    let mut todo: Vec<usize> = rows.to_vec();
    let mut out = Vec::new();
    while !todo.is_empty() {
        let layer: Vec<usize> = todo
            .iter()
            .copied()
            .filter(|&n| child_of(n).iter().all(|c| !todo.contains(c)))
            .collect();
        if layer.is_empty() {
            return Err(OrmError::new(
                OrmErrorKind::CircularDependencyError,
                "Circular dependency detected.",
            ));
        }
        todo.retain(|n| !layer.contains(n));
        out.push(layer);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(mappers: &[&str], deps: Vec<FlushDep>) -> FlushGraph {
        FlushGraph {
            mappers: mappers.iter().map(|m| format!("__main__.{m}")).collect(),
            deps,
            without_states: Vec::new(),
        }
    }

    fn saves(plan: &[Action]) -> Vec<usize> {
        plan.iter()
            .filter_map(|a| {
                if let Action::SaveUpdate(m) = a {
                    Some(*m)
                } else {
                    None
                }
            })
            .collect()
    }

    fn deletes(plan: &[Action]) -> Vec<usize> {
        plan.iter()
            .filter_map(|a| {
                if let Action::Delete(m) = a {
                    Some(*m)
                } else {
                    None
                }
            })
            .collect()
    }

    #[test]
    fn unrelated_mappers_by_class_name_then_dependency_layers() {
        // uow.py: A, Z unrelated and M -> A; whatever the add order the
        // INSERTs are a, z, m.
        let g = graph(
            &["A", "Z", "M"],
            vec![FlushDep {
                sort_key: "__main__.M_a".into(),
                direction: Direction::ManyToOne,
                parent: 2,
                child: 0,
            }],
        );
        assert_eq!(saves(&plan_flush(&g).unwrap()), [0, 1, 2]);
        let g = graph(&["Z", "A"], vec![]);
        assert_eq!(saves(&plan_flush(&g).unwrap()), [1, 0]);
    }

    #[test]
    fn grandchildren_after_parents() {
        // session_flush_ordering: Genre <- Band <- Song via many-to-one
        // backrefs (and their one-to-many reverses).
        let g = graph(
            &["Genre", "Band", "Song"],
            vec![
                FlushDep {
                    sort_key: "__main__.Band_genre".into(),
                    direction: Direction::ManyToOne,
                    parent: 1,
                    child: 0,
                },
                FlushDep {
                    sort_key: "__main__.Genre_bands".into(),
                    direction: Direction::OneToMany,
                    parent: 0,
                    child: 1,
                },
                FlushDep {
                    sort_key: "__main__.Song_band".into(),
                    direction: Direction::ManyToOne,
                    parent: 2,
                    child: 1,
                },
                FlushDep {
                    sort_key: "__main__.Band_songs".into(),
                    direction: Direction::OneToMany,
                    parent: 1,
                    child: 2,
                },
            ],
        );
        let p = plan_flush(&g).unwrap();
        assert_eq!(saves(&p), [0, 1, 2]);
        assert_eq!(deletes(&p), [2, 1, 0]);
    }

    #[test]
    fn association_rows_after_both_sides_and_deleted_first() {
        let g = graph(
            &["Post", "Tag"],
            vec![FlushDep {
                sort_key: "__main__.Post_tags".into(),
                direction: Direction::ManyToMany,
                parent: 0,
                child: 1,
            }],
        );
        let p = plan_flush(&g).unwrap();
        let pos = |a: &Action| p.iter().position(|x| x == a).unwrap();
        let ins = Action::Process {
            dep: 0,
            isdelete: false,
        };
        let del = Action::Process {
            dep: 0,
            isdelete: true,
        };
        assert!(pos(&Action::SaveUpdate(0)) < pos(&ins) && pos(&Action::SaveUpdate(1)) < pos(&ins));
        assert!(pos(&del) < pos(&Action::Delete(0)) && pos(&del) < pos(&Action::Delete(1)));
    }

    /// uow2.py / uow3.py: B unrelated, P -< C (back_populates pair), K >< T.
    fn mixed() -> FlushGraph {
        let dep = |k: &str, direction, parent, child| FlushDep {
            sort_key: format!("__main__.{k}"),
            direction,
            parent,
            child,
        };
        graph(
            &["B", "C", "K", "P", "T"],
            vec![
                dep("P_cs", Direction::OneToMany, 3, 1),
                dep("C_p", Direction::ManyToOne, 1, 3),
                dep("K_ts", Direction::ManyToMany, 2, 4),
            ],
        )
    }

    fn sql_order(p: &[Action]) -> Vec<String> {
        let names = ["b", "c", "k", "p", "t"];
        p.iter()
            .filter_map(|a| match a {
                Action::SaveUpdate(m) => Some(format!("save {}", names[*m])),
                Action::Delete(m) => Some(format!("delete {}", names[*m])),
                Action::Process { dep: 2, isdelete } => Some(format!(
                    "{} assoc",
                    if *isdelete { "delete" } else { "save" }
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn mixed_flush_matches_sqlalchemy() {
        let order = sql_order(&plan_flush(&mixed()).unwrap());
        let saves: Vec<&str> = order
            .iter()
            .filter(|s| s.starts_with("save"))
            .map(|s| s.as_str())
            .collect();
        // INSERT order: b, p, k, t, assoc, c
        assert_eq!(
            saves,
            [
                "save b",
                "save p",
                "save k",
                "save t",
                "save assoc",
                "save c"
            ]
        );
        let deletes: Vec<&str> = order
            .iter()
            .filter(|s| s.starts_with("delete"))
            .map(|s| s.as_str())
            .collect();
        // DELETE order: assoc, b, k, c, t, p
        assert_eq!(
            deletes,
            [
                "delete assoc",
                "delete b",
                "delete k",
                "delete c",
                "delete t",
                "delete p"
            ]
        );
    }

    #[test]
    fn full_action_order_matches_sqlalchemy_topological_sort() {
        // The list uow3.py prints (topological.sort over sorted actions).
        use Action::*;
        let p = |dep, isdelete| Process { dep, isdelete };
        assert_eq!(
            plan_flush(&mixed()).unwrap(),
            [
                p(1, true),
                p(2, true),
                p(0, true),
                SaveUpdate(0),
                SaveUpdate(3),
                Delete(0),
                p(1, false),
                p(0, false),
                SaveUpdate(2),
                SaveUpdate(4),
                Delete(2),
                p(2, false),
                SaveUpdate(1),
                Delete(1),
                Delete(4),
                Delete(3),
            ]
        );
    }

    #[test]
    fn adjacency_deletes_leaves_first() {
        // reference/treedel.py: root(0) -> a(1) -> a1(3); root -> b(2).
        // SQLAlchemy: DELETE [(b), (a1)] by PK, then a, then root.
        let parent = |r: usize| [None, Some(0), Some(0), Some(1)][r];
        assert_eq!(
            layer_rows_for_delete(&[0, 1, 2, 3], &parent).unwrap(),
            vec![vec![2, 3], vec![1], vec![0]]
        );
    }

    #[test]
    fn adjacency_rows_layered() {
        // fk_adjacency_tree: root; a, b; a1, a2, b1 -> three INSERT batches.
        let parent = |r: usize| [None, Some(0), Some(0), Some(1), Some(1), Some(2)][r];
        // insert order root, a, a1, a2, b, b1 as indexes 0,1,3,4,2,5
        let rows = [0, 1, 3, 4, 2, 5];
        assert_eq!(
            layer_rows(&rows, &parent).unwrap(),
            vec![vec![0], vec![1, 2], vec![3, 4, 5]]
        );
    }
}
