//! INSERT / UPDATE / DELETE -> plan.
use super::scope::{Scope, ScopeCol};
use super::{object_name, Translator};
use crate::affinity::Affinity;
use crate::error::{Result, SqlError};
use crate::plan::{Access, Conflict, Expr, InsertSource, JoinKind, Returning, Source, SourceKind, Stmt};
use crate::storage::Table;
use sqlparser::ast::{self, SetExpr};

impl<'a> Translator<'a> {
    fn table(&self, name: &str) -> Result<&'a Table> {
        self.tables
            .get(&name.to_ascii_lowercase())
            .ok_or_else(|| SqlError::op(format!("no such table: {name}")))
    }

    /// Scope over one table's row: its columns then the hidden rowid.
    fn table_scope(t: &Table, alias: &str) -> Scope<'static> {
        let mut sc = Scope::new(None);
        let mut cols: Vec<ScopeCol> = t
            .schema
            .columns
            .iter()
            .map(|c| ScopeCol {
                name: c.name.clone(),
                affinity: c.affinity,
                hidden: false,
            })
            .collect();
        cols.push(ScopeCol {
            name: t
                .schema
                .rowid_alias
                .map(|c| t.schema.columns[c].name.clone())
                .unwrap_or_else(|| "rowid".into()),
            affinity: Affinity::Integer,
            hidden: true,
        });
        sc.add_table(alias, cols);
        sc
    }

    fn returning(&mut self, items: &Option<Vec<ast::SelectItem>>, sc: &Scope, t: &Table) -> Result<Option<Returning>> {
        let Some(items) = items else { return Ok(None) };
        let mut exprs = Vec::new();
        let mut columns = Vec::new();
        for it in items {
            match it {
                ast::SelectItem::Wildcard(_) => {
                    for (i, c) in t.schema.columns.iter().enumerate() {
                        exprs.push(Expr::Column { depth: 0, idx: i });
                        columns.push(c.name.clone());
                    }
                }
                ast::SelectItem::UnnamedExpr(e) => {
                    exprs.push(self.expr(e, sc)?);
                    columns.push(match e {
                        ast::Expr::Identifier(i) => i.value.clone(),
                        ast::Expr::CompoundIdentifier(p) => p.last().map(|i| i.value.clone()).unwrap_or_default(),
                        other => self.source_text(other),
                    });
                }
                ast::SelectItem::ExprWithAlias { expr, alias } => {
                    exprs.push(self.expr(expr, sc)?);
                    columns.push(alias.value.clone());
                }
                other => return Err(SqlError::unsupported(self.quote(other, "RETURNING item"))),
            }
        }
        Ok(Some(Returning { exprs, columns }))
    }

    /// Access path for UPDATE/DELETE, and the filter left to check after it.
    fn access_for(&self, t: &Table, filter: Option<Expr>) -> (Access, Option<Expr>) {
        let mut srcs = [Source {
            kind: SourceKind::Table {
                name: t.schema.name.to_ascii_lowercase(),
                access: Access::Scan,
            },
            join: JoinKind::Inner,
            on: None,
            width: t.schema.columns.len() + 1,
        }];
        let filter = self.choose_access(&mut srcs, filter);
        match srcs.into_iter().next().map(|s| s.kind) {
            Some(SourceKind::Table { access, .. }) => (access, filter),
            _ => (Access::Scan, filter),
        }
    }

    pub(super) fn insert(&mut self, i: &ast::Insert) -> Result<Stmt> {
        if i.on.is_some() || i.partitioned.is_some() || !i.after_columns.is_empty() || !i.assignments.is_empty() || i.table_alias.is_some()
        {
            return Err(SqlError::unsupported("this form of INSERT (upsert, alias or SET)"));
        }
        let conflict = match (i.or, i.replace_into) {
            (Some(ast::SqliteOnConflict::Replace), _) | (_, true) => Conflict::Replace,
            (Some(ast::SqliteOnConflict::Ignore), _) => Conflict::Ignore,
            (None | Some(ast::SqliteOnConflict::Abort), _) => Conflict::Abort,
            (Some(other), _) => return Err(SqlError::unsupported(format!("INSERT OR {other}"))),
        };
        let name = match &i.table {
            ast::TableObject::TableName(n) => object_name(n)?,
            _ => return Err(SqlError::unsupported("INSERT into a function")),
        };
        let t = self.table(&name)?;
        let mut columns = Vec::new();
        for c in &i.columns {
            // The name's value, not its Display (which would link the AST's).
            let cname = c.0.last().and_then(|p| p.as_ident()).map(|i| i.value.clone()).unwrap_or_default();
            let idx = t.schema.column_index(&cname).or_else(|| {
                ["rowid", "oid", "_rowid_"]
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(&cname))
                    .then_some(t.schema.columns.len())
            });
            columns.push(idx.ok_or_else(|| SqlError::op(format!("table {name} has no column named {cname}")))?);
        }
        let explicit = !i.columns.is_empty();
        let ncols = if explicit { columns.len() } else { t.schema.columns.len() };
        let empty = Scope::new(None);
        let source = match &i.source {
            None => InsertSource::Defaults,
            Some(q) => match (&*q.body, &q.order_by, &q.limit_clause, &q.with) {
                (SetExpr::Values(v), None, None, None) => {
                    let mut rows = Vec::new();
                    for r in &v.rows {
                        if r.len() != ncols {
                            return Err(SqlError::op(if explicit {
                                format!("{} values for {} columns", r.len(), ncols)
                            } else {
                                format!("table {name} has {ncols} columns but {} values were supplied", r.len())
                            }));
                        }
                        rows.push(r.content.iter().map(|e| self.expr(e, &empty)).collect::<Result<Vec<_>>>()?);
                    }
                    InsertSource::Values(rows)
                }
                _ => {
                    let q = self.query(q, None)?;
                    if q.columns.len() != ncols {
                        return Err(SqlError::op(if explicit {
                            format!("{} values for {} columns", q.columns.len(), ncols)
                        } else {
                            format!("table {name} has {ncols} columns but {} values were supplied", q.columns.len())
                        }));
                    }
                    InsertSource::Query(q)
                }
            },
        };
        if !explicit {
            columns = (0..t.schema.columns.len()).collect();
        }
        let sc = Self::table_scope(t, &name);
        let returning = self.returning(&i.returning, &sc, t)?;
        Ok(Stmt::Insert {
            table: name.to_ascii_lowercase(),
            columns,
            source,
            conflict,
            returning,
        })
    }

    fn single_table(&self, twj: &ast::TableWithJoins) -> Result<(String, String)> {
        if !twj.joins.is_empty() {
            return Err(SqlError::unsupported("joins in UPDATE/DELETE"));
        }
        match &twj.relation {
            ast::TableFactor::Table {
                name, alias, args: None, ..
            } => {
                let n = object_name(name)?;
                let a = alias.as_ref().map(|a| a.name.value.clone()).unwrap_or_else(|| n.clone());
                Ok((n, a))
            }
            other => Err(SqlError::unsupported(self.quote(other, "target"))),
        }
    }

    pub(super) fn update(&mut self, u: &ast::Update) -> Result<Stmt> {
        if u.from.is_some() || !u.order_by.is_empty() || u.limit.is_some() || u.or.is_some() {
            return Err(SqlError::unsupported("UPDATE ... FROM / ORDER BY / LIMIT / OR"));
        }
        let (name, alias) = self.single_table(&u.table)?;
        let t = self.table(&name)?;
        let sc = Self::table_scope(t, &alias);
        let mut sets = Vec::new();
        for a in &u.assignments {
            let cname = match &a.target {
                ast::AssignmentTarget::ColumnName(n) => n.0.last().and_then(|p| p.as_ident()).map(|i| i.value.clone()).unwrap_or_default(),
                _ => return Err(SqlError::unsupported("tuple assignment")),
            };
            let idx = t
                .schema
                .column_index(&cname)
                .ok_or_else(|| SqlError::op(format!("no such column: {cname}")))?;
            sets.push((idx, self.expr(&a.value, &sc)?));
        }
        let filter = match &u.selection {
            Some(e) => Some(self.expr(e, &sc)?),
            None => None,
        };
        let (access, filter) = self.access_for(t, filter);
        let returning = self.returning(&u.returning, &sc, t)?;
        Ok(Stmt::Update {
            table: name.to_ascii_lowercase(),
            sets,
            filter,
            access,
            returning,
        })
    }

    pub(super) fn delete(&mut self, d: &ast::Delete) -> Result<Stmt> {
        if !d.tables.is_empty() || d.using.is_some() || !d.order_by.is_empty() || d.limit.is_some() {
            return Err(SqlError::unsupported("DELETE ... USING / ORDER BY / LIMIT"));
        }
        let from = match &d.from {
            ast::FromTable::WithFromKeyword(v) | ast::FromTable::WithoutKeyword(v) => v,
        };
        let [twj] = from.as_slice() else {
            return Err(SqlError::unsupported("DELETE from several tables"));
        };
        let (name, alias) = self.single_table(twj)?;
        let t = self.table(&name)?;
        let sc = Self::table_scope(t, &alias);
        let filter = match &d.selection {
            Some(e) => Some(self.expr(e, &sc)?),
            None => None,
        };
        let (access, filter) = self.access_for(t, filter);
        let returning = self.returning(&d.returning, &sc, t)?;
        Ok(Stmt::Delete {
            table: name.to_ascii_lowercase(),
            filter,
            access,
            returning,
        })
    }
}
