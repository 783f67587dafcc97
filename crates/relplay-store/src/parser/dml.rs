//! INSERT / REPLACE, UPDATE, DELETE, each with RETURNING.
use super::Parser;
use crate::error::{Result, SqlError};
use sqlparser::ast::{
    Assignment, AssignmentTarget, Delete, FromTable, Insert, SelectItem, SqliteOnConflict, Statement, TableObject, Update,
};
use sqlparser::keywords::Keyword as K;
use sqlparser::tokenizer::Token;

impl Parser<'_> {
    /// SQLite's `OR <action>` (and `REPLACE` standing for `INSERT OR REPLACE`).
    fn conflict_clause(&mut self) -> Option<SqliteOnConflict> {
        for (k, c) in [
            (K::REPLACE, SqliteOnConflict::Replace),
            (K::ROLLBACK, SqliteOnConflict::Rollback),
            (K::ABORT, SqliteOnConflict::Abort),
            (K::FAIL, SqliteOnConflict::Fail),
            (K::IGNORE, SqliteOnConflict::Ignore),
        ] {
            if self.keywords(&[K::OR, k]) {
                return Some(c);
            }
        }
        self.keyword(K::REPLACE).then_some(SqliteOnConflict::Replace)
    }

    fn returning(&mut self) -> Result<Option<Vec<SelectItem>>> {
        if self.keyword(K::RETURNING) {
            Ok(Some(self.comma_separated(Self::select_item)?))
        } else {
            Ok(None)
        }
    }

    /// `INSERT ...` or `REPLACE ...`, at its first keyword.
    pub(super) fn insert(&mut self) -> Result<Statement> {
        let insert_token = if self.peek_keyword(K::INSERT) { self.next() } else { self.peek() }.clone();
        let or = self.conflict_clause();
        if self.peek_keyword(K::OVERWRITE) || self.peek_keyword(K::LOCAL) || self.peek_keyword(K::DIRECTORY) {
            return Err(SqlError::unsupported("this form of INSERT (upsert, alias or SET)"));
        }
        let into = self.keyword(K::INTO);
        let has_table_keyword = self.keyword(K::TABLE);
        let table = TableObject::TableName(self.object_name()?);
        let (columns, source) = if self.keywords(&[K::DEFAULT, K::VALUES]) {
            (Vec::new(), None)
        } else {
            // `INSERT INTO t (SELECT ...)` is a query, not a column list.
            let mut n = 0;
            while self.peek_nth(n).token == Token::LParen {
                n += 1;
            }
            let subquery = n > 0 && self.peek_nth_keyword(n, K::SELECT);
            let columns = if !subquery && *self.peek_token() == Token::LParen {
                self.parenthesized(|p| p.comma_separated(Self::object_name))?
            } else {
                Vec::new()
            };
            if self.peek_keyword(K::PARTITION) || self.peek_keyword(K::OVERRIDING) || self.peek_keywords_by_name() {
                return Err(SqlError::unsupported("this form of INSERT (upsert, alias or SET)"));
            }
            (columns, Some(self.query()?))
        };
        if self.peek_keyword(K::ON) {
            return Err(SqlError::unsupported("this form of INSERT (upsert, alias or SET)"));
        }
        let returning = self.returning()?;
        Ok(Statement::Insert(Insert {
            insert_token: insert_token.into(),
            optimizer_hints: Vec::new(),
            or,
            table,
            table_alias: None,
            ignore: false,
            into,
            overwrite: false,
            by_name: false,
            partitioned: None,
            columns,
            after_columns: Vec::new(),
            overriding: None,
            source,
            assignments: Vec::new(),
            has_table_keyword,
            on: None,
            returning,
            output: None,
            replace_into: false,
            priority: None,
            insert_alias: None,
            settings: None,
            format_clause: None,
            multi_table_insert_type: None,
            multi_table_into_clauses: Vec::new(),
            multi_table_when_clauses: Vec::new(),
            multi_table_else_clause: None,
        }))
    }

    fn peek_keywords_by_name(&self) -> bool {
        self.peek_keyword(K::BY) && self.peek_nth_keyword(1, K::NAME)
    }

    pub(super) fn update(&mut self) -> Result<Statement> {
        let update_token = self.next().clone();
        let or = self.conflict_clause();
        let table = self.table_and_joins()?;
        if self.peek_keyword(K::ON) && self.peek_nth_keyword(1, K::CLUSTER) || self.peek_keyword(K::FROM) {
            return Err(SqlError::unsupported("UPDATE ... FROM / ORDER BY / LIMIT / OR"));
        }
        self.expect_keyword(K::SET)?;
        let assignments = self.comma_separated(|p| {
            let target = if p.consume(&Token::LParen) {
                let cols = p.comma_separated(Self::object_name)?;
                p.expect(&Token::RParen)?;
                AssignmentTarget::Tuple(cols)
            } else {
                AssignmentTarget::ColumnName(p.object_name()?)
            };
            if !p.consume(&Token::Eq) && !p.consume(&Token::DoubleEq) {
                return p.expected();
            }
            Ok(Assignment { target, value: p.expr()? })
        })?;
        if self.peek_keyword(K::FROM) {
            return Err(SqlError::unsupported("UPDATE ... FROM / ORDER BY / LIMIT / OR"));
        }
        let selection = if self.keyword(K::WHERE) { Some(self.expr()?) } else { None };
        let returning = self.returning()?;
        if self.peek_keyword(K::LIMIT) {
            return Err(SqlError::unsupported("UPDATE ... FROM / ORDER BY / LIMIT / OR"));
        }
        Ok(Statement::Update(Update {
            update_token: update_token.into(),
            optimizer_hints: Vec::new(),
            table,
            on_cluster: None,
            assignments,
            from: None,
            selection,
            returning,
            output: None,
            or,
            order_by: Vec::new(),
            limit: None,
            settings: None,
        }))
    }

    pub(super) fn delete(&mut self) -> Result<Statement> {
        let delete_token = self.next().clone();
        let (tables, with_from) = if !self.keyword(K::FROM) {
            let tables = self.comma_separated(Self::object_name)?;
            self.expect_keyword(K::FROM)?;
            (tables, true)
        } else {
            (Vec::new(), true)
        };
        let from = self.comma_separated(Self::table_and_joins)?;
        if self.peek_keyword(K::USING) || self.peek_keyword(K::ON) && self.peek_nth_keyword(1, K::CLUSTER) {
            return Err(SqlError::unsupported("DELETE ... USING / ORDER BY / LIMIT"));
        }
        let selection = if self.keyword(K::WHERE) { Some(self.expr()?) } else { None };
        let returning = self.returning()?;
        if self.peek_keywords2(K::ORDER, K::BY) || self.peek_keyword(K::LIMIT) {
            return Err(SqlError::unsupported("DELETE ... USING / ORDER BY / LIMIT"));
        }
        Ok(Statement::Delete(Delete {
            delete_token: delete_token.into(),
            optimizer_hints: Vec::new(),
            tables,
            from: if with_from {
                FromTable::WithFromKeyword(from)
            } else {
                FromTable::WithoutKeyword(from)
            },
            on_cluster: None,
            using: None,
            selection,
            returning,
            output: None,
            order_by: Vec::new(),
            limit: None,
            settings: None,
        }))
    }
}
