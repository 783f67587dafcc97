//! The direction SQLAlchemy will give a relationship, decided statically the
//! way it decides at mapper configuration: `secondary` makes it
//! many-to-many; otherwise the side holding the foreign key is the "many".

use super::{Model, Relationship};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Direction {
    OneToMany,
    ManyToOne,
    ManyToMany,
}

impl Model {
    /// `None` when the tables are unknown, no foreign key links them, or
    /// both directions have one (SQLAlchemy then needs `foreign_keys=`).
    pub fn direction(&self, r: &Relationship) -> Option<Direction> {
        if r.secondary.is_some() {
            return Some(Direction::ManyToMany);
        }
        let target = r.target_class()?;
        let ta = self.table_of(&r.owner)?;
        let tb = self.table_of(target)?;
        if ta == tb {
            // Self-referential: remote_side marks the "one" side's column.
            return Some(if r.remote_side.is_some() {
                Direction::ManyToOne
            } else {
                Direction::OneToMany
            });
        }
        if r.primaryjoin.is_some() || r.foreign_keys.is_some() {
            return None;
        }
        match (
            self.fks_between(ta, tb).is_empty(),
            self.fks_between(tb, ta).is_empty(),
        ) {
            (false, true) => Some(Direction::ManyToOne),
            (true, false) => Some(Direction::OneToMany),
            _ => None,
        }
    }
}
