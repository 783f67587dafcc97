//! CREATE TABLE / CREATE INDEX -> schema definitions.
use super::scope::{Scope, ScopeCol};
use super::text::name_text;
use super::{object_name, Translator};
use crate::affinity::Affinity;
use crate::error::{Result, SqlError};
use crate::plan::{Expr, Stmt};
use crate::schema::{Column, FkAction, ForeignKey, TableSchema};
use sqlparser::ast::{self, ColumnOption};
use std::rc::Rc;

fn action(a: &Option<ast::ReferentialAction>) -> FkAction {
    match a {
        None | Some(ast::ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ast::ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ast::ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ast::ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ast::ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

fn index_columns(cols: &[ast::IndexColumn], names: &[String], table: &str) -> Result<Vec<usize>> {
    cols.iter()
        .map(|c| match &c.column.expr {
            ast::Expr::Identifier(i) => names
                .iter()
                .position(|n| n.eq_ignore_ascii_case(&i.value))
                .ok_or_else(|| SqlError::op(format!("no such column: {}", i.value))),
            _ => Err(SqlError::unsupported(format!("an indexed expression on {table}"))),
        })
        .collect()
}

impl Translator<'_> {
    pub(super) fn create_table(&mut self, c: &ast::CreateTable) -> Result<Stmt> {
        if c.or_replace || c.query.is_some() || c.like.is_some() || c.clone.is_some() || c.external {
            return Err(SqlError::unsupported("this form of CREATE TABLE"));
        }
        let name = object_name(&c.name)?;
        let names: Vec<String> = c.columns.iter().map(|d| d.name.value.clone()).collect();
        for (i, n) in names.iter().enumerate() {
            if names[..i].iter().any(|m| m.eq_ignore_ascii_case(n)) {
                return Err(SqlError::op(format!("duplicate column name: {n}")));
            }
        }
        let empty = Scope::new(None);
        let mut check_scope = Scope::new(None);
        let mut sc_cols: Vec<ScopeCol> = Vec::new();
        let mut columns = Vec::new();
        let mut pk: Vec<usize> = Vec::new();
        let mut pk_seen = false;
        let mut autoincrement = false;
        let mut uniques = Vec::new();
        let mut fks = Vec::new();
        let mut raw_checks: Vec<(&ast::Expr, Option<String>)> = Vec::new();
        let text = self.table_text();
        if text.columns.len() != c.columns.len() {
            return Err(SqlError::unsupported("this form of CREATE TABLE"));
        }
        for (i, d) in c.columns.iter().enumerate() {
            let decl_type = text.columns[i].decl_type.clone();
            let affinity = Affinity::from_decl(&decl_type);
            sc_cols.push(ScopeCol {
                name: d.name.value.clone(),
                affinity,
                hidden: false,
            });
            let mut col = Column {
                name: d.name.value.clone(),
                decl_type,
                affinity,
                not_null: false,
                default: None,
                default_text: None,
                pk: 0,
            };
            for o in &d.options {
                match &o.option {
                    ColumnOption::Null => {}
                    ColumnOption::NotNull => col.not_null = true,
                    ColumnOption::Default(e) => {
                        col.default = Some(
                            self.expr(e, &empty)
                                .map_err(|_| SqlError::op(format!("default value of column [{}] is not constant", col.name)))?,
                        );
                        col.default_text = text.columns[i].default.clone();
                    }
                    ColumnOption::PrimaryKey(_) => {
                        if pk_seen {
                            return Err(SqlError::op(format!("table \"{name}\" has more than one primary key")));
                        }
                        pk_seen = true;
                        pk = vec![i];
                    }
                    ColumnOption::Unique(_) => uniques.push(vec![i]),
                    ColumnOption::ForeignKey(f) => fks.push(ForeignKey {
                        columns: vec![i],
                        parent: object_name(&f.foreign_table)?,
                        parent_columns: f.referred_columns.iter().map(|x| x.value.clone()).collect(),
                        on_delete: action(&f.on_delete),
                        on_update: action(&f.on_update),
                    }),
                    // `CONSTRAINT name CHECK (...)` on a column names the option, not the check.
                    ColumnOption::Check(ch) => raw_checks.push((&ch.expr, ch.name.as_ref().or(o.name.as_ref()).map(|n| n.value.clone()))),
                    ColumnOption::DialectSpecific(toks) => {
                        let t: Vec<String> = toks.iter().map(|t| t.to_string().to_ascii_uppercase()).collect();
                        match t.as_slice() {
                            [a] if a == "AUTOINCREMENT" => autoincrement = true,
                            [a] if a == "ASC" || a == "DESC" => {}
                            _ => return Err(SqlError::unsupported(format!("column option {}", t.join(" ")))),
                        }
                    }
                    ColumnOption::Collation(n) if name_text(n).eq_ignore_ascii_case("binary") => {}
                    _ => return Err(SqlError::unsupported(self.quote(o, "column option"))),
                }
            }
            columns.push(col);
        }
        for k in &c.constraints {
            match k {
                ast::TableConstraint::PrimaryKey(p) => {
                    if pk_seen {
                        return Err(SqlError::op(format!("table \"{name}\" has more than one primary key")));
                    }
                    pk_seen = true;
                    pk = index_columns(&p.columns, &names, &name)?;
                }
                ast::TableConstraint::Unique(u) => uniques.push(index_columns(&u.columns, &names, &name)?),
                ast::TableConstraint::ForeignKey(f) => fks.push(ForeignKey {
                    columns: f
                        .columns
                        .iter()
                        .map(|x| {
                            names
                                .iter()
                                .position(|n| n.eq_ignore_ascii_case(&x.value))
                                .ok_or_else(|| SqlError::op(format!("unknown column \"{}\" in foreign key definition", x.value)))
                        })
                        .collect::<Result<_>>()?,
                    parent: object_name(&f.foreign_table)?,
                    parent_columns: f.referred_columns.iter().map(|x| x.value.clone()).collect(),
                    on_delete: action(&f.on_delete),
                    on_update: action(&f.on_update),
                }),
                ast::TableConstraint::Check(ch) => raw_checks.push((&ch.expr, ch.name.as_ref().map(|n| n.value.clone()))),
                other => return Err(SqlError::unsupported(self.quote(other, "table constraint"))),
            }
        }
        for (n, &p) in pk.iter().enumerate() {
            columns[p].pk = n + 1;
        }
        // A single-column PRIMARY KEY declared exactly INTEGER aliases the rowid.
        let rowid_alias = match pk.as_slice() {
            [p] if columns[*p].decl_type.eq_ignore_ascii_case("INTEGER") => Some(*p),
            _ => None,
        };
        if autoincrement && rowid_alias.is_none() {
            return Err(SqlError::op("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"));
        }
        check_scope.add_table(&name, sc_cols);
        let mut checks = Vec::new();
        // Unnamed CHECKs are named by their text, as SQLite's error message shows it.
        for (n, (e, name)) in raw_checks.into_iter().enumerate() {
            let name = name.unwrap_or_else(|| text.checks.get(n).cloned().unwrap_or_default());
            checks.push((self.expr(e, &check_scope)?, name));
        }
        let schema = TableSchema {
            name: name.clone(),
            columns,
            rowid_alias,
            pk,
            autoincrement,
            checks,
            fks,
            uniques,
            sql: self.sql.trim().trim_end_matches(';').trim_end().to_string(),
        };
        Ok(Stmt::CreateTable {
            schema: Rc::new(schema),
            if_not_exists: c.if_not_exists,
        })
    }

    pub(super) fn create_index(&mut self, c: &ast::CreateIndex) -> Result<Stmt> {
        if c.predicate.is_some() || c.using.is_some() || !c.include.is_empty() || !c.with.is_empty() {
            return Err(SqlError::unsupported("partial or typed index"));
        }
        let name = match &c.name {
            Some(n) => object_name(n)?,
            None => return Err(SqlError::unsupported("index without a name")),
        };
        let table = object_name(&c.table_name)?;
        let t = self
            .tables
            .get(&table.to_ascii_lowercase())
            .ok_or_else(|| SqlError::op(format!("no such table: main.{table}")))?;
        let names: Vec<String> = t.schema.columns.iter().map(|c| c.name.clone()).collect();
        let columns = index_columns(&c.columns, &names, &table)?;
        let _: Option<Expr> = None;
        Ok(Stmt::CreateIndex {
            name,
            table: table.to_ascii_lowercase(),
            columns,
            unique: c.unique,
            if_not_exists: c.if_not_exists,
            sql: self.sql.trim().trim_end_matches(';').trim_end().to_string(),
        })
    }
}
