//! CREATE TABLE (columns, types, constraints), CREATE INDEX, DROP.
use super::Parser;
use crate::error::{Result, SqlError};
use sqlparser::ast::helpers::stmt_create_table::CreateTableBuilder;
use sqlparser::ast::{
    CharacterLength, CheckConstraint, ColumnDef, ColumnOption, ColumnOptionDef, ConstraintCharacteristics, CreateIndex, DataType,
    DeferrableInitial, ExactNumberInfo, ForeignKeyConstraint, Ident, IndexColumn, KeyOrIndexDisplay, NullsDistinctOption, ObjectName,
    ObjectNamePart, ObjectType, PrimaryKeyConstraint, ReferentialAction, SqliteTableOption, SqliteTableOptions, Statement, TableConstraint,
    TimezoneInfo, TypeModifier, UniqueConstraint,
};
use sqlparser::keywords::Keyword as K;
use sqlparser::tokenizer::Token;

impl Parser<'_> {
    /// After `CREATE [TEMP] TABLE`.
    pub(super) fn create_table(&mut self, temporary: bool) -> Result<Statement> {
        let if_not_exists = self.keywords(&[K::IF, K::NOT, K::EXISTS]);
        let name = self.object_name()?;
        if self.peek_keyword(K::AS) || self.peek_keyword(K::LIKE) || self.peek_keyword(K::PARTITION) {
            return Err(SqlError::unsupported("this form of CREATE TABLE"));
        }
        let (columns, constraints) = self.table_elements()?;
        let sqlite_table_options = self.sqlite_table_options()?;
        if self.peek_keyword(K::AS) {
            return Err(SqlError::unsupported("this form of CREATE TABLE"));
        }
        Ok(Statement::CreateTable(
            CreateTableBuilder::new(name)
                .temporary(temporary)
                .columns(columns)
                .constraints(constraints)
                .if_not_exists(if_not_exists)
                .sqlite_table_options(sqlite_table_options)
                .build(),
        ))
    }

    fn table_elements(&mut self) -> Result<(Vec<ColumnDef>, Vec<TableConstraint>)> {
        let (mut columns, mut constraints) = (Vec::new(), Vec::new());
        if !self.consume(&Token::LParen) || self.consume(&Token::RParen) {
            return Ok((columns, constraints));
        }
        loop {
            if let Some(c) = self.table_constraint()? {
                constraints.push(c);
            } else if matches!(self.peek_token(), Token::Word(_) | Token::SingleQuotedString(_)) {
                columns.push(self.column_def()?);
            } else {
                return self.expected();
            }
            let comma = self.consume(&Token::Comma);
            let rparen = *self.peek_token() == Token::RParen;
            if !comma && !rparen {
                return self.expected();
            }
            if rparen && !comma {
                self.next();
                return Ok((columns, constraints));
            }
        }
    }

    fn sqlite_table_options(&mut self) -> Result<SqliteTableOptions> {
        let start = self.index;
        let leading_comma = self.consume(&Token::Comma);
        let Some(first) = self.sqlite_table_option()? else {
            self.index = start;
            return Ok(SqliteTableOptions::default());
        };
        let mut options = vec![first];
        while self.consume(&Token::Comma) {
            match self.sqlite_table_option()? {
                Some(o) => options.push(o),
                None => return self.expected(),
            }
        }
        Ok(SqliteTableOptions { leading_comma, options })
    }

    fn sqlite_table_option(&mut self) -> Result<Option<SqliteTableOption>> {
        if self.keyword(K::WITHOUT) {
            self.expect_keyword(K::ROWID)?;
            Ok(Some(SqliteTableOption::WithoutRowid))
        } else if self.keyword(K::STRICT) {
            Ok(Some(SqliteTableOption::Strict))
        } else {
            Ok(None)
        }
    }

    fn column_def(&mut self) -> Result<ColumnDef> {
        let name = self.identifier()?;
        // SQLite lets the type go: the name may be followed by a constraint or `,`.
        let untyped = match self.peek_token() {
            Token::Word(w) => matches!(
                w.keyword,
                K::CONSTRAINT | K::PRIMARY | K::NOT | K::UNIQUE | K::CHECK | K::DEFAULT | K::COLLATE | K::REFERENCES | K::GENERATED | K::AS
            ),
            _ => true,
        };
        let data_type = if untyped { DataType::Unspecified } else { self.data_type()? };
        let mut options = Vec::new();
        loop {
            if self.keyword(K::CONSTRAINT) {
                let name = Some(self.identifier()?);
                let Some(option) = self.column_option()? else {
                    return self.expected();
                };
                options.push(ColumnOptionDef { name, option });
            } else if let Some(option) = self.column_option()? {
                options.push(ColumnOptionDef { name: None, option });
            } else {
                break;
            }
        }
        Ok(ColumnDef { name, data_type, options })
    }

    fn column_option(&mut self) -> Result<Option<ColumnOption>> {
        let saved = std::mem::replace(&mut self.in_column_definition, true);
        let r = self.column_option_inner();
        self.in_column_definition = saved;
        r
    }

    fn column_option_inner(&mut self) -> Result<Option<ColumnOption>> {
        Ok(Some(if self.keyword(K::COLLATE) {
            ColumnOption::Collation(self.object_name()?)
        } else if self.keywords(&[K::NOT, K::NULL]) {
            ColumnOption::NotNull
        } else if self.keyword(K::NULL) {
            ColumnOption::Null
        } else if self.keyword(K::DEFAULT) {
            ColumnOption::Default(self.expr()?)
        } else if self.keyword(K::UNIQUE) {
            let nulls_distinct = self.nulls_distinct()?;
            let characteristics = self.characteristics()?;
            ColumnOption::Unique(UniqueConstraint {
                name: None,
                index_name: None,
                index_type_display: KeyOrIndexDisplay::None,
                index_type: None,
                columns: Vec::new(),
                include: Vec::new(),
                index_options: Vec::new(),
                characteristics,
                nulls_distinct,
            })
        } else if self.keywords(&[K::PRIMARY, K::KEY]) {
            let characteristics = self.characteristics()?;
            ColumnOption::PrimaryKey(PrimaryKeyConstraint {
                name: None,
                index_name: None,
                index_type: None,
                columns: Vec::new(),
                include: Vec::new(),
                index_options: Vec::new(),
                characteristics,
            })
        } else if self.keyword(K::REFERENCES) {
            ColumnOption::ForeignKey(self.references(None, Vec::new())?)
        } else if self.keyword(K::CHECK) {
            self.expect(&Token::LParen)?;
            let saved = std::mem::replace(&mut self.in_column_definition, false);
            let e = self.expr();
            self.in_column_definition = saved;
            let e = e?;
            self.expect(&Token::RParen)?;
            ColumnOption::Check(self.check_tail(None, e)?)
        } else if self.keyword(K::AUTOINCREMENT) {
            ColumnOption::DialectSpecific(vec![Token::make_keyword("AUTOINCREMENT")])
        } else if self.keyword(K::ASC) {
            ColumnOption::DialectSpecific(vec![Token::make_keyword("ASC")])
        } else if self.keyword(K::DESC) {
            ColumnOption::DialectSpecific(vec![Token::make_keyword("DESC")])
        } else if self.peek_keyword(K::GENERATED) || self.peek_keyword(K::AS) {
            return Err(SqlError::unsupported("generated column"));
        } else if self.keywords(&[K::ON, K::CONFLICT]) {
            let k = self.one_of_keywords(&[K::ROLLBACK, K::ABORT, K::FAIL, K::IGNORE, K::REPLACE]);
            match k {
                Some(k) => ColumnOption::OnConflict(k),
                None => return self.expected(),
            }
        } else if self.peek_keywords(&[K::CHARACTER, K::SET]) || self.peek_keyword(K::COMMENT) {
            return Err(SqlError::unsupported("column option"));
        } else {
            return Ok(None);
        }))
    }

    fn peek_keywords(&self, ks: &[K]) -> bool {
        ks.iter().enumerate().all(|(i, k)| self.peek_nth_keyword(i, *k))
    }

    fn check_tail(&mut self, name: Option<Ident>, expr: sqlparser::ast::Expr) -> Result<CheckConstraint> {
        let no_inherit = self.keywords(&[K::NO, K::INHERIT]);
        let enforced = if self.keyword(K::ENFORCED) {
            Some(true)
        } else if self.keywords(&[K::NOT, K::ENFORCED]) {
            Some(false)
        } else {
            None
        };
        Ok(CheckConstraint {
            name,
            expr: Box::new(expr),
            no_inherit,
            enforced,
        })
    }

    fn nulls_distinct(&mut self) -> Result<NullsDistinctOption> {
        Ok(if self.keyword(K::NULLS) {
            let not = self.keyword(K::NOT);
            self.expect_keyword(K::DISTINCT)?;
            if not {
                NullsDistinctOption::NotDistinct
            } else {
                NullsDistinctOption::Distinct
            }
        } else {
            NullsDistinctOption::None
        })
    }

    fn characteristics(&mut self) -> Result<Option<ConstraintCharacteristics>> {
        let mut cc = ConstraintCharacteristics::default();
        loop {
            if cc.deferrable.is_none() && self.keywords(&[K::NOT, K::DEFERRABLE]) {
                cc.deferrable = Some(false);
            } else if cc.deferrable.is_none() && self.keyword(K::DEFERRABLE) {
                cc.deferrable = Some(true);
            } else if cc.initially.is_none() && self.keyword(K::INITIALLY) {
                if self.keyword(K::DEFERRED) {
                    cc.initially = Some(DeferrableInitial::Deferred);
                } else if self.keyword(K::IMMEDIATE) {
                    cc.initially = Some(DeferrableInitial::Immediate);
                } else {
                    return self.expected();
                }
            } else if cc.enforced.is_none() && self.keyword(K::ENFORCED) {
                cc.enforced = Some(true);
            } else if cc.enforced.is_none() && self.keywords(&[K::NOT, K::ENFORCED]) {
                cc.enforced = Some(false);
            } else {
                break;
            }
        }
        Ok((cc.deferrable.is_some() || cc.initially.is_some() || cc.enforced.is_some()).then_some(cc))
    }

    /// `REFERENCES t [(cols)] [ON DELETE ..] [ON UPDATE ..]`, after REFERENCES.
    fn references(&mut self, name: Option<Ident>, columns: Vec<Ident>) -> Result<ForeignKeyConstraint> {
        let foreign_table = self.object_name()?;
        let referred_columns = if *self.peek_token() == Token::LParen {
            self.parenthesized_idents()?
        } else {
            Vec::new()
        };
        let (mut on_delete, mut on_update) = (None, None);
        loop {
            if self.peek_keyword(K::MATCH) {
                return Err(SqlError::unsupported("REFERENCES ... MATCH"));
            } else if on_delete.is_none() && self.keywords(&[K::ON, K::DELETE]) {
                on_delete = Some(self.referential_action()?);
            } else if on_update.is_none() && self.keywords(&[K::ON, K::UPDATE]) {
                on_update = Some(self.referential_action()?);
            } else {
                break;
            }
        }
        let characteristics = self.characteristics()?;
        Ok(ForeignKeyConstraint {
            name,
            index_name: None,
            columns,
            foreign_table,
            referred_columns,
            on_delete,
            on_update,
            match_kind: None,
            characteristics,
        })
    }

    fn referential_action(&mut self) -> Result<ReferentialAction> {
        Ok(if self.keyword(K::RESTRICT) {
            ReferentialAction::Restrict
        } else if self.keyword(K::CASCADE) {
            ReferentialAction::Cascade
        } else if self.keywords(&[K::SET, K::NULL]) {
            ReferentialAction::SetNull
        } else if self.keywords(&[K::NO, K::ACTION]) {
            ReferentialAction::NoAction
        } else if self.keywords(&[K::SET, K::DEFAULT]) {
            ReferentialAction::SetDefault
        } else {
            return self.expected();
        })
    }

    fn table_constraint(&mut self) -> Result<Option<TableConstraint>> {
        let name = if self.keyword(K::CONSTRAINT) {
            Some(self.identifier()?)
        } else {
            None
        };
        let kw = match self.peek_token() {
            Token::Word(w) => w.keyword,
            _ => K::NoKeyword,
        };
        match kw {
            K::UNIQUE | K::PRIMARY => {
                self.next();
                if kw == K::PRIMARY {
                    self.expect_keyword(K::KEY)?;
                }
                if self.peek_keyword(K::USING) || self.peek_keyword(K::KEY) || self.peek_keyword(K::INDEX) {
                    return self.expected();
                }
                let nulls_distinct = if kw == K::UNIQUE {
                    self.nulls_distinct()?
                } else {
                    NullsDistinctOption::None
                };
                // An index name may stand before the columns.
                let index_name = match self.peek_token() {
                    Token::Word(_) | Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => Some(self.identifier()?),
                    _ => None,
                };
                if self.peek_keyword(K::USING) {
                    return self.unsupported("table constraint");
                }
                let columns = self.parenthesized(|p| p.comma_separated(Self::index_column))?;
                if self.peek_keyword(K::INCLUDE) {
                    return self.unsupported("table constraint");
                }
                let characteristics = self.characteristics()?;
                Ok(Some(if kw == K::UNIQUE {
                    UniqueConstraint {
                        name,
                        index_name,
                        index_type_display: KeyOrIndexDisplay::None,
                        index_type: None,
                        columns,
                        include: Vec::new(),
                        index_options: Vec::new(),
                        characteristics,
                        nulls_distinct,
                    }
                    .into()
                } else {
                    PrimaryKeyConstraint {
                        name,
                        index_name,
                        index_type: None,
                        columns,
                        include: Vec::new(),
                        index_options: Vec::new(),
                        characteristics,
                    }
                    .into()
                }))
            }
            K::FOREIGN => {
                self.next();
                self.expect_keyword(K::KEY)?;
                let index_name = match self.peek_token() {
                    Token::Word(_) | Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => Some(self.identifier()?),
                    _ => None,
                };
                let columns = self.parenthesized_idents()?;
                self.expect_keyword(K::REFERENCES)?;
                let mut fk = self.references(name, columns)?;
                fk.index_name = index_name;
                Ok(Some(fk.into()))
            }
            K::CHECK => {
                self.next();
                let e = self.parenthesized(Self::expr)?;
                Ok(Some(self.check_tail(name, e)?.into()))
            }
            _ if name.is_some() => self.expected(),
            _ => Ok(None),
        }
    }

    /// An indexed column: an expression, an optional operator class, ordering.
    fn index_column(&mut self) -> Result<IndexColumn> {
        let expr = self.expr()?;
        let operator_class = match self.peek_token() {
            Token::Word(w) if matches!(w.keyword, K::ASC | K::DESC | K::NULLS | K::WITH) => None,
            Token::Word(_) | Token::SingleQuotedString(_) | Token::DoubleQuotedString(_) => self.maybe(Self::object_name)?,
            _ => None,
        };
        let options = self.order_options();
        Ok(IndexColumn {
            column: sqlparser::ast::OrderByExpr {
                expr,
                options,
                with_fill: None,
            },
            operator_class,
        })
    }

    /// `[IF NOT EXISTS] name ON table (columns) [WHERE expr]`, after INDEX.
    pub(super) fn create_index(&mut self, unique: bool) -> Result<Statement> {
        let if_not_exists = self.keywords(&[K::IF, K::NOT, K::EXISTS]);
        let name = if if_not_exists || !self.keyword(K::ON) {
            let name = self.object_name()?;
            self.expect_keyword(K::ON)?;
            Some(name)
        } else {
            None
        };
        let table_name = self.object_name()?;
        let columns = self.parenthesized(|p| p.comma_separated(Self::index_column))?;
        let predicate = if self.keyword(K::WHERE) { Some(self.expr()?) } else { None };
        Ok(Statement::CreateIndex(CreateIndex {
            name,
            table_name,
            using: None,
            columns,
            unique,
            concurrently: false,
            r#async: false,
            if_not_exists,
            include: Vec::new(),
            nulls_distinct: None,
            with: Vec::new(),
            predicate,
            index_options: Vec::new(),
            alter_options: Vec::new(),
        }))
    }

    /// `DROP TABLE|INDEX|VIEW [IF EXISTS] name`, after DROP.
    pub(super) fn drop(&mut self) -> Result<Statement> {
        let object_type = if self.keyword(K::TABLE) {
            ObjectType::Table
        } else if self.keyword(K::INDEX) {
            ObjectType::Index
        } else if self.keyword(K::VIEW) {
            ObjectType::View
        } else if self.keyword(K::TRIGGER) {
            return self.unsupported("statement DROP TRIGGER");
        } else {
            return self.expected();
        };
        let if_exists = self.keywords(&[K::IF, K::EXISTS]);
        let names = self.comma_separated(Self::object_name)?;
        let cascade = self.keyword(K::CASCADE);
        let restrict = self.keyword(K::RESTRICT);
        let purge = self.keyword(K::PURGE);
        if cascade && restrict {
            return self.expected();
        }
        let table = if self.keyword(K::ON) { Some(self.object_name()?) } else { None };
        Ok(Statement::Drop {
            object_type,
            if_exists,
            names,
            cascade,
            restrict,
            purge,
            temporary: false,
            table,
        })
    }

    /// A column or CAST type, as sqlparser's `parse_data_type` (with
    /// SQLiteDialect's signed/decimal modifiers) builds it.
    pub(super) fn data_type(&mut self) -> Result<DataType> {
        self.nested(|p| {
            if let Some(t) = p.sqlite_numeric_modifiers() {
                return Ok(t);
            }
            let t = p.peek();
            let Token::Word(w) = &t.token else {
                return p.expected();
            };
            p.next();
            let unsigned = |p: &mut Self| p.peek_keyword(K::UNSIGNED);
            let ty = match w.keyword {
                K::BOOLEAN => DataType::Boolean,
                K::BOOL => DataType::Bool,
                K::FLOAT => DataType::Float(p.exact_number_info()?),
                K::REAL => DataType::Real,
                K::DOUBLE => {
                    if p.keyword(K::PRECISION) {
                        DataType::DoublePrecision
                    } else {
                        DataType::Double(p.exact_number_info()?)
                    }
                }
                K::TINYINT => DataType::TinyInt(p.optional_precision()?),
                K::SMALLINT => DataType::SmallInt(p.optional_precision()?),
                K::MEDIUMINT => DataType::MediumInt(p.optional_precision()?),
                K::INT => DataType::Int(p.optional_precision()?),
                K::INTEGER => DataType::Integer(p.optional_precision()?),
                K::BIGINT => DataType::BigInt(p.optional_precision()?),
                K::INT2 => DataType::Int2(p.optional_precision()?),
                K::INT4 => DataType::Int4(p.optional_precision()?),
                K::INT8 => DataType::Int8(p.optional_precision()?),
                K::VARCHAR => DataType::Varchar(p.character_length()?),
                K::NVARCHAR => DataType::Nvarchar(p.character_length()?),
                K::CHARACTER | K::CHAR => {
                    let varying = p.keyword(K::VARYING);
                    if p.peek_keyword(K::LARGE) {
                        return p.unsupported("CHARACTER LARGE OBJECT");
                    }
                    let len = p.character_length()?;
                    match (w.keyword, varying) {
                        (K::CHARACTER, true) => DataType::CharacterVarying(len),
                        (K::CHARACTER, false) => DataType::Character(len),
                        (_, true) => DataType::CharVarying(len),
                        _ => DataType::Char(len),
                    }
                }
                K::CLOB => DataType::Clob(p.optional_precision()?),
                K::BLOB => DataType::Blob(p.optional_precision()?),
                K::DATE => DataType::Date,
                K::DATETIME => DataType::Datetime(p.optional_precision()?),
                K::TIMESTAMP | K::TIME => {
                    let precision = p.optional_precision()?;
                    let tz = if p.keyword(K::WITH) {
                        p.expect_keywords(&[K::TIME, K::ZONE])?;
                        TimezoneInfo::WithTimeZone
                    } else if p.keyword(K::WITHOUT) {
                        p.expect_keywords(&[K::TIME, K::ZONE])?;
                        TimezoneInfo::WithoutTimeZone
                    } else {
                        TimezoneInfo::None
                    };
                    if w.keyword == K::TIME {
                        DataType::Time(precision, tz)
                    } else {
                        DataType::Timestamp(precision, tz)
                    }
                }
                K::JSON => DataType::JSON,
                K::UUID => DataType::Uuid,
                K::TEXT => match p.type_modifiers()? {
                    Some(m) => DataType::Custom(ObjectName(vec![ObjectNamePart::Identifier(Ident::new("TEXT"))]), m),
                    None => DataType::Text,
                },
                K::NUMERIC => DataType::Numeric(p.exact_number_info()?),
                K::DECIMAL => DataType::Decimal(p.exact_number_info()?),
                K::DEC => DataType::Dec(p.exact_number_info()?),
                K::NoKeyword | K::STRING | K::BINARY | K::VARBINARY | K::BYTEA | K::SIGNED | K::UNSIGNED | K::NCHAR => {
                    p.index -= 1;
                    p.skip_back_whitespace();
                    if !matches!(w.keyword, K::NoKeyword) {
                        return p.unsupported("this column type");
                    }
                    let name = p.object_name()?;
                    DataType::Custom(name, p.type_modifiers()?.unwrap_or_default())
                }
                _ => {
                    p.index -= 1;
                    p.skip_back_whitespace();
                    let name = p.object_name()?;
                    DataType::Custom(name, p.type_modifiers()?.unwrap_or_default())
                }
            };
            if unsigned(p) {
                return p.unsupported("UNSIGNED types");
            }
            Ok(ty)
        })
    }

    /// SQLiteDialect's hook: `NAME(-1)` or `NAME(1.5, 2)` (signed or decimal
    /// modifiers) are a custom type with number modifiers.
    fn sqlite_numeric_modifiers(&mut self) -> Option<DataType> {
        let first = self.peek();
        let Token::Word(w) = &first.token else { return None };
        if self.peek_nth(1).token != Token::LParen {
            return None;
        }
        let mut mods = Vec::new();
        let mut nth = 2;
        let mut nonstandard = false;
        let mut closed = false;
        for _ in 0..2 {
            let sign = match self.peek_nth(nth).token {
                Token::Minus => "-",
                Token::Plus => "+",
                _ => "",
            };
            if !sign.is_empty() {
                nonstandard = true;
                nth += 1;
            }
            let Token::Number(n, _) = &self.peek_nth(nth).token else {
                return None;
            };
            nonstandard |= n.parse::<u64>().is_err();
            mods.push(TypeModifier::Number(format!("{sign}{n}"), false));
            match self.peek_nth(nth + 1).token {
                Token::RParen => {
                    closed = true;
                    break;
                }
                Token::Comma => nth += 2,
                _ => return None,
            }
        }
        if !closed || !nonstandard {
            return None;
        }
        for _ in 0..nth + 2 {
            self.next();
        }
        Some(DataType::Custom(
            ObjectName(vec![ObjectNamePart::Identifier(w.clone().into_ident(first.span))]),
            mods,
        ))
    }

    fn literal_uint(&mut self) -> Result<u64> {
        match &self.peek().token {
            Token::Number(n, _) => match n.parse::<u64>() {
                Ok(v) => {
                    self.next();
                    Ok(v)
                }
                Err(_) => self.expected(),
            },
            _ => self.expected(),
        }
    }

    fn optional_precision(&mut self) -> Result<Option<u64>> {
        if self.consume(&Token::LParen) {
            let n = self.literal_uint()?;
            self.expect(&Token::RParen)?;
            Ok(Some(n))
        } else {
            Ok(None)
        }
    }

    fn character_length(&mut self) -> Result<Option<CharacterLength>> {
        if !self.consume(&Token::LParen) {
            return Ok(None);
        }
        let len = if self.keyword(K::MAX) {
            CharacterLength::Max
        } else {
            let length = self.literal_uint()?;
            if self.peek_keyword(K::CHARACTERS) || self.peek_keyword(K::OCTETS) {
                return self.unsupported("length units");
            }
            CharacterLength::IntegerLength { length, unit: None }
        };
        self.expect(&Token::RParen)?;
        Ok(Some(len))
    }

    fn exact_number_info(&mut self) -> Result<ExactNumberInfo> {
        if !self.consume(&Token::LParen) {
            return Ok(ExactNumberInfo::None);
        }
        let precision = self.literal_uint()?;
        let scale = if self.consume(&Token::Comma) {
            let neg = self.consume(&Token::Minus);
            if !neg {
                self.consume(&Token::Plus);
            }
            let v = self.literal_uint()? as i64;
            Some(if neg { -v } else { v })
        } else {
            None
        };
        self.expect(&Token::RParen)?;
        Ok(match scale {
            None => ExactNumberInfo::Precision(precision),
            Some(s) => ExactNumberInfo::PrecisionAndScale(precision, s),
        })
    }

    fn type_modifiers(&mut self) -> Result<Option<Vec<TypeModifier>>> {
        if !self.consume(&Token::LParen) {
            return Ok(None);
        }
        let mut mods = Vec::new();
        loop {
            let t = self.next();
            match &t.token {
                Token::Word(w) => mods.push(TypeModifier::Identifier(w.clone().into_ident(t.span))),
                Token::Number(n, l) => mods.push(TypeModifier::Number(n.clone(), *l)),
                Token::SingleQuotedString(s) => mods.push(TypeModifier::String(s.clone())),
                Token::Comma => {}
                Token::RParen => return Ok(Some(mods)),
                _ => return self.expected_prev(),
            }
        }
    }
}
