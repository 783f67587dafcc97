use super::join_condition::{join_condition, JoinCondError};
use super::{ColId, EqPairs};
use crate::error::{OrmError, OrmErrorKind, OrmResult};
use crate::schema::MetaData;
use crate::sql::quote::{quote_in, Dialect};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    OneToMany,
    ManyToOne,
    ManyToMany,
}

impl Direction {
    /// As `prop.direction.name` prints.
    pub fn name(self) -> &'static str {
        match self {
            Direction::OneToMany => "ONETOMANY",
            Direction::ManyToOne => "MANYTOONE",
            Direction::ManyToMany => "MANYTOMANY",
        }
    }
}

/// A `relationship()` as declared, with join arguments already resolved to
/// columns (the bridge parses `primaryjoin="..."` strings / expressions).
#[derive(Clone, Debug, Default)]
pub struct RelationshipSpec {
    /// `"Parent.children"`, as error messages name the relationship.
    pub name: String,
    pub parent_table: String,
    pub target_table: String,
    pub secondary: Option<String>,
    pub foreign_keys: Vec<ColId>,
    pub remote_side: Vec<ColId>,
    pub primaryjoin: Option<EqPairs>,
    pub secondaryjoin: Option<EqPairs>,
    /// Criteria of a custom primaryjoin beyond column equalities
    /// (`Address.active == True`), kept as they are.
    pub primaryjoin_extra: Vec<crate::sql::Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct JoinAnalysis {
    pub direction: Direction,
    pub primaryjoin: EqPairs,
    pub secondaryjoin: Option<EqPairs>,
    pub foreign: Vec<ColId>,
    pub remote: Vec<ColId>,
    /// `(local, remote)` column pairs of the primary join (then of the
    /// secondary join, for many-to-many).
    pub local_remote_pairs: Vec<(ColId, ColId)>,
    /// `(source, dest)`: at flush, dest (a foreign key column) is set from
    /// source. For many-to-many, the parent side into the secondary table.
    pub sync_pairs: Vec<(ColId, ColId)>,
    /// The primaryjoin's non-equality criteria (lazy loads, joins add them).
    pub extra: Vec<crate::sql::Expr>,
    /// Many-to-many: the child side into the secondary table.
    pub secondary_sync_pairs: Vec<(ColId, ColId)>,
}

fn arg_error(msg: String) -> OrmError {
    OrmError::new(OrmErrorKind::ArgumentError, msg)
}

fn join_err(spec: &RelationshipSpec, e: JoinCondError) -> OrmError {
    match (e, &spec.secondary) {
        (JoinCondError::NoForeignKeys, Some(sec)) => OrmError::new(
            OrmErrorKind::NoForeignKeysError,
            format!(
                "Could not determine join condition between parent/child tables on relationship {} - there are no foreign keys linking these tables via secondary table '{}'.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify 'primaryjoin' and 'secondaryjoin' expressions.",
                spec.name, sec
            ),
        ),
        (JoinCondError::NoForeignKeys, None) => OrmError::new(
            OrmErrorKind::NoForeignKeysError,
            format!(
                "Could not determine join condition between parent/child tables on relationship {} - there are no foreign keys linking these tables.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or specify a 'primaryjoin' expression.",
                spec.name
            ),
        ),
        (JoinCondError::Ambiguous, Some(sec)) => OrmError::new(
            OrmErrorKind::AmbiguousForeignKeysError,
            format!(
                "Could not determine join condition between parent/child tables on relationship {} - there are multiple foreign key paths linking the tables via secondary table '{}'.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference from the secondary table to each of the parent and child tables.",
                spec.name, sec
            ),
        ),
        (JoinCondError::Ambiguous, None) => OrmError::new(
            OrmErrorKind::AmbiguousForeignKeysError,
            format!(
                "Could not determine join condition between parent/child tables on relationship {} - there are multiple foreign key paths linking the tables.  Specify the 'foreign_keys' argument, providing a list of those columns which should be counted as containing a foreign key reference to the parent table.",
                spec.name
            ),
        ),
    }
}

/// Whether column `a` has a ForeignKey pointing at column `b`.
fn references(md: &MetaData, a: &ColId, b: &ColId) -> bool {
    md.table(&a.table).is_some_and(|t| {
        t.foreign_key_pairs()
            .iter()
            .any(|(l, tt, tc)| *l == a.column && *tt == b.table && *tc == b.column)
    })
}

/// The foreign columns of a join: `foreign_keys=` when given, else the
/// side of each equality that references the other (`_annotate_present_fks`).
fn foreign_cols(
    md: &MetaData,
    spec: &RelationshipSpec,
    pairs: &EqPairs,
    secondary: Option<&str>,
) -> Vec<ColId> {
    let mut out = Vec::new();
    for (a, b) in pairs {
        let pick = if !spec.foreign_keys.is_empty() {
            [a, b]
                .into_iter()
                .filter(|c| spec.foreign_keys.contains(c))
                .cloned()
                .collect::<Vec<_>>()
        } else if references(md, a, b) {
            vec![a.clone()]
        } else if references(md, b, a) {
            vec![b.clone()]
        } else if let Some(sec) = secondary {
            // A secondary column equated to a non-secondary one counts as
            // foreign even without a ForeignKey.
            match (a.table == sec, b.table == sec) {
                (true, false) => vec![a.clone()],
                (false, true) => vec![b.clone()],
                _ => vec![],
            }
        } else {
            vec![]
        };
        for c in pick {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The join condition as `str()` prints it (default dialect quoting).
fn render_pairs(pairs: &EqPairs) -> String {
    let q = |n: &str| quote_in(Dialect::Default, n);
    pairs
        .iter()
        .map(|(a, b)| {
            format!(
                "{}.{} = {}.{}",
                q(&a.table),
                q(&a.column),
                q(&b.table),
                q(&b.column)
            )
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn no_relevant_fks(spec: &RelationshipSpec, which: &str, pairs: &EqPairs) -> OrmError {
    arg_error(format!(
        "Could not locate any relevant foreign key columns for {which} join condition '{}' on relationship {}.  Ensure that referencing columns are associated with a ForeignKey or ForeignKeyConstraint, or are annotated in the join condition with the foreign() annotation.",
        render_pairs(pairs),
        spec.name
    ))
}

/// `(non-foreign, foreign)` for each equality: value flows to the FK.
fn sync_pairs(pairs: &EqPairs, foreign: &[ColId]) -> Vec<(ColId, ColId)> {
    pairs
        .iter()
        .filter_map(|(a, b)| {
            if foreign.contains(b) && !foreign.contains(a) {
                Some((a.clone(), b.clone()))
            } else if foreign.contains(a) && !foreign.contains(b) {
                Some((b.clone(), a.clone()))
            } else {
                None
            }
        })
        .collect()
}

/// Configure a relationship: join condition, direction, sync pairs; or the
/// error SQLAlchemy raises when the mappers are configured.
pub fn analyze(md: &MetaData, spec: &RelationshipSpec) -> OrmResult<JoinAnalysis> {
    if spec.secondaryjoin.is_some() && spec.secondary.is_none() {
        return Err(arg_error(format!(
            "Property {} specified with secondary join condition but no secondary argument",
            spec.name
        )));
    }
    let consider = if spec.foreign_keys.is_empty() {
        None
    } else {
        Some(spec.foreign_keys.as_slice())
    };
    let (primaryjoin, secondaryjoin) = match &spec.secondary {
        Some(sec) => {
            let sj = match &spec.secondaryjoin {
                Some(j) => j.clone(),
                None => join_condition(md, &spec.target_table, sec, consider)
                    .map_err(|e| join_err(spec, e))?,
            };
            let pj = match &spec.primaryjoin {
                Some(j) => j.clone(),
                None => join_condition(md, &spec.parent_table, sec, consider)
                    .map_err(|e| join_err(spec, e))?,
            };
            (pj, Some(sj))
        }
        None => {
            let pj = match &spec.primaryjoin {
                Some(j) => j.clone(),
                None => join_condition(md, &spec.parent_table, &spec.target_table, consider)
                    .map_err(|e| join_err(spec, e))?,
            };
            (pj, None)
        }
    };
    let sec = spec.secondary.as_deref();
    let foreign = foreign_cols(md, spec, &primaryjoin, sec);
    if foreign.is_empty() {
        return Err(no_relevant_fks(spec, "primary", &primaryjoin));
    }
    let mut all_foreign = foreign.clone();
    if let Some(sj) = &secondaryjoin {
        let f2 = foreign_cols(md, spec, sj, sec);
        if f2.is_empty() {
            return Err(no_relevant_fks(spec, "secondary", sj));
        }
        all_foreign.extend(f2);
    }

    let self_ref = spec.parent_table == spec.target_table && sec.is_none();
    let in_pj: Vec<ColId> = primaryjoin
        .iter()
        .flat_map(|(a, b)| [a.clone(), b.clone()])
        .collect();
    let remote: Vec<ColId> = if let Some(sec) = sec {
        in_pj.iter().filter(|c| c.table == sec).cloned().collect()
    } else if !spec.remote_side.is_empty() {
        in_pj
            .iter()
            .filter(|c| spec.remote_side.contains(c))
            .cloned()
            .collect()
    } else if self_ref {
        // Adjacency list without remote_side: the FK side is remote.
        in_pj
            .iter()
            .filter(|c| foreign.contains(c))
            .cloned()
            .collect()
    } else {
        in_pj
            .iter()
            .filter(|c| c.table == spec.target_table)
            .cloned()
            .collect()
    };
    let split = |pairs: &EqPairs, remote: &[ColId]| -> Vec<(ColId, ColId)> {
        pairs
            .iter()
            .filter_map(|(a, b)| match (remote.contains(a), remote.contains(b)) {
                (false, true) => Some((a.clone(), b.clone())),
                (true, false) => Some((b.clone(), a.clone())),
                _ => None,
            })
            .collect()
    };
    let mut local_remote_pairs = split(&primaryjoin, &remote);
    // Many-to-many: the secondary join's pairs follow, the secondary
    // table's columns being the remote side.
    if let (Some(sj), Some(sec)) = (&secondaryjoin, sec) {
        let sec_cols: Vec<ColId> = sj
            .iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .filter(|c| c.table == sec)
            .collect();
        local_remote_pairs.extend(split(sj, &sec_cols));
    }

    let direction = if secondaryjoin.is_some() {
        Direction::ManyToMany
    } else {
        let target_fk = foreign.iter().any(|c| c.table == spec.target_table);
        let parent_fk = foreign.iter().any(|c| c.table == spec.parent_table);
        if target_fk && parent_fk {
            let o2m = foreign.iter().any(|c| remote.contains(c));
            let m2o = foreign.iter().any(|c| !remote.contains(c));
            match (o2m, m2o) {
                (true, false) => Direction::OneToMany,
                (false, true) => Direction::ManyToOne,
                _ => {
                    return Err(arg_error(format!(
                        "Can't determine relationship direction for relationship '{}' - foreign key columns within the join condition are present in both the parent and the child's mapped tables.  Ensure that only those columns referring to a parent column are marked as foreign, either via the foreign() annotation or via the foreign_keys argument.",
                        spec.name
                    )))
                }
            }
        } else if target_fk {
            Direction::OneToMany
        } else if parent_fk {
            Direction::ManyToOne
        } else {
            return Err(arg_error(format!(
                "Can't determine relationship direction for relationship '{}' - foreign key columns are present in neither the parent nor the child's mapped tables",
                spec.name
            )));
        }
    };
    let sync = sync_pairs(&primaryjoin, &foreign);
    let secondary_sync = match &secondaryjoin {
        Some(sj) => sync_pairs(sj, &all_foreign),
        None => Vec::new(),
    };
    Ok(JoinAnalysis {
        direction,
        primaryjoin,
        secondaryjoin,
        foreign: all_foreign,
        remote,
        local_remote_pairs,
        sync_pairs: sync,
        secondary_sync_pairs: secondary_sync,
        extra: spec.primaryjoin_extra.clone(),
    })
}
