//! Expressions: AST -> plan `Expr`, resolving names and comparison affinities.
use super::scope::Scope;
use super::text::name_text;
use super::Translator;
use crate::affinity::{comparison, Affinity};
use crate::error::{Result, SqlError};
use crate::plan::{AggCall, AggFn, BinOp, CastTo, CmpOp, Expr, UnOp};
use crate::value::Value;
use sqlparser::ast::{self, BinaryOperator as B, UnaryOperator as U};
use std::rc::Rc;

pub fn cast_target(t: &str) -> CastTo {
    match Affinity::from_decl(t) {
        Affinity::Integer => CastTo::Integer,
        Affinity::Real => CastTo::Real,
        Affinity::Numeric => CastTo::Numeric,
        Affinity::Text => CastTo::Text,
        Affinity::Blob | Affinity::None => CastTo::Blob,
    }
}

/// What `CAST(x AS t)` converts to: SQLite's affinity rules applied to the
/// type's name (a parsed type stands for its keyword: `VARCHAR(9)` for "VARCHAR").
/// `None` for the structured types of other dialects.
fn cast_to(t: &ast::DataType) -> Option<CastTo> {
    use ast::DataType as D;
    let name = match t {
        D::Custom(n, _) => return Some(cast_target(&name_text(n))),
        D::Unspecified => "",
        // "INT" anywhere in the name (INTERVAL and POINT too, as in SQLite).
        D::TinyInt(_)
        | D::TinyIntUnsigned(_)
        | D::UTinyInt
        | D::Int2(_)
        | D::Int2Unsigned(_)
        | D::SmallInt(_)
        | D::SmallIntUnsigned(_)
        | D::USmallInt
        | D::MediumInt(_)
        | D::MediumIntUnsigned(_)
        | D::Int(_)
        | D::Int4(_)
        | D::Int8(_)
        | D::Int16
        | D::Int32
        | D::Int64
        | D::Int128
        | D::Int256
        | D::Integer(_)
        | D::IntUnsigned(_)
        | D::Int4Unsigned(_)
        | D::IntegerUnsigned(_)
        | D::HugeInt
        | D::UHugeInt
        | D::UInt8
        | D::UInt16
        | D::UInt32
        | D::UInt64
        | D::UInt128
        | D::UInt256
        | D::BigInt(_)
        | D::BigIntUnsigned(_)
        | D::UBigInt
        | D::Int8Unsigned(_)
        | D::SignedInteger
        | D::UnsignedInteger
        | D::Interval { .. } => "INT",
        D::GeometricType(ast::GeometricTypeKind::Point) => "INT",
        D::Character(_)
        | D::Char(_)
        | D::CharacterVarying(_)
        | D::CharVarying(_)
        | D::Varchar(_)
        | D::Nvarchar(_)
        | D::CharacterLargeObject(_)
        | D::CharLargeObject(_)
        | D::Clob(_)
        | D::Text
        | D::TinyText
        | D::MediumText
        | D::LongText
        | D::String(_)
        | D::FixedString(_) => "TEXT",
        D::Blob(_) | D::TinyBlob | D::MediumBlob | D::LongBlob => "BLOB",
        D::Float(_)
        | D::FloatUnsigned(_)
        | D::Float4
        | D::Float32
        | D::Float64
        | D::Float8
        | D::Real
        | D::RealUnsigned
        | D::Double(_)
        | D::DoubleUnsigned(_)
        | D::DoublePrecision
        | D::DoublePrecisionUnsigned => "REAL",
        D::Binary(_)
        | D::Varbinary(_)
        | D::Bytes(_)
        | D::Bytea
        | D::Uuid
        | D::Numeric(_)
        | D::Decimal(_)
        | D::DecimalUnsigned(_)
        | D::BigNumeric(_)
        | D::BigDecimal(_)
        | D::Dec(_)
        | D::DecUnsigned(_)
        | D::Signed
        | D::Unsigned
        | D::Bool
        | D::Boolean
        | D::Date
        | D::Date32
        | D::Time(..)
        | D::Datetime(_)
        | D::Datetime64(..)
        | D::Timestamp(..)
        | D::TimestampNtz(_)
        | D::JSON
        | D::JSONB
        | D::Regclass
        | D::Bit(_)
        | D::BitVarying(_)
        | D::VarBit(_)
        | D::TsVector
        | D::TsQuery
        | D::GeometricType(_) => "NUMERIC",
        _ => return None,
    };
    Some(cast_target(name))
}

const SCALARS: &[(&str, usize, usize)] = &[
    ("lower", 1, 1),
    ("upper", 1, 1),
    ("length", 1, 1),
    ("coalesce", 2, 99),
    ("ifnull", 2, 2),
    ("nullif", 2, 2),
    ("iif", 3, 3),
    ("abs", 1, 1),
    ("typeof", 1, 1),
    ("substr", 2, 3),
    ("substring", 2, 3),
    ("replace", 3, 3),
    ("trim", 1, 2),
    ("ltrim", 1, 2),
    ("rtrim", 1, 2),
    ("instr", 2, 2),
    ("round", 1, 2),
    ("max", 2, 99),
    ("min", 2, 99),
    ("hex", 1, 1),
    ("quote", 1, 1),
    ("sign", 1, 1),
];

fn hex_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

impl Translator<'_> {
    pub(super) fn literal(&self, v: &ast::ValueWithSpan) -> Result<Expr> {
        Ok(Expr::Literal(match &v.value {
            ast::Value::Number(s, _) => {
                if let Some(h) = s.strip_prefix("0x").or_else(|| s.strip_prefix("0X")) {
                    Value::Integer(u64::from_str_radix(h, 16).map_err(|_| SqlError::op("hex literal too big"))? as i64)
                } else if let Ok(i) = s.parse::<i64>() {
                    Value::Integer(i)
                } else {
                    Value::Real(s.parse::<f64>().map_err(|_| SqlError::op(format!("unrecognized token: \"{s}\"")))?)
                }
            }
            ast::Value::SingleQuotedString(s) => Value::text(s),
            ast::Value::Null => Value::Null,
            ast::Value::Boolean(b) => Value::Integer(*b as i64),
            ast::Value::HexStringLiteral(h) => Value::Blob(Rc::from(
                hex_decode(h).ok_or_else(|| SqlError::op(format!("unrecognized token: \"X'{h}'\"")))?,
            )),
            ast::Value::Placeholder(_) => {
                let k = (v.span.start.line, v.span.start.column);
                return self
                    .params
                    .get(&k)
                    .map(|&i| Expr::Param(i))
                    .ok_or_else(|| SqlError::op("unknown placeholder"));
            }
            _ => return Err(SqlError::unsupported(self.quote(v, "literal"))),
        }))
    }

    /// Affinity of a translated expression: columns and CASTs have one, others none.
    pub(super) fn affinity(&self, e: &Expr, sc: &Scope) -> Affinity {
        match e {
            Expr::Column { depth, idx } => sc.affinity_at(*depth, *idx),
            Expr::Cast(_, t) => match t {
                CastTo::Integer => Affinity::Integer,
                CastTo::Real => Affinity::Real,
                CastTo::Numeric => Affinity::Numeric,
                CastTo::Text => Affinity::Text,
                CastTo::Blob => Affinity::Blob,
            },
            Expr::Subquery(q) => q.affinities.first().copied().unwrap_or(Affinity::None),
            _ => Affinity::None,
        }
    }

    fn compare(&mut self, op: CmpOp, l: &ast::Expr, r: &ast::Expr, sc: &Scope) -> Result<Expr> {
        let l = self.expr(l, sc)?;
        let r = self.expr(r, sc)?;
        Ok(self.make_compare(op, l, r, sc))
    }

    /// `IS` compares like `=` (same affinity rules) but treats NULLs as equal.
    pub(super) fn make_is(&self, l: Expr, r: Expr, negated: bool, sc: &Scope) -> Expr {
        let aff = comparison(self.affinity(&l, sc), self.affinity(&r, sc));
        Expr::Is {
            l: Box::new(l),
            r: Box::new(r),
            negated,
            aff,
        }
    }

    /// `(a, b) = (c, d)`: every component equal (NULL if undecided).
    fn row_equal(&mut self, ls: &[ast::Expr], rs: &[ast::Expr], sc: &Scope) -> Result<Expr> {
        if ls.len() != rs.len() || ls.is_empty() {
            return Err(SqlError::op("row value misused"));
        }
        let mut all: Option<Expr> = None;
        for (l, r) in ls.iter().zip(rs) {
            let c = self.compare(CmpOp::Eq, l, r, sc)?;
            all = Some(match all {
                None => c,
                Some(prev) => Expr::Binary(BinOp::And, Box::new(prev), Box::new(c)),
            });
        }
        all.ok_or_else(|| SqlError::op("row value misused"))
    }

    pub(super) fn make_compare(&self, op: CmpOp, l: Expr, r: Expr, sc: &Scope) -> Expr {
        let aff = comparison(self.affinity(&l, sc), self.affinity(&r, sc));
        Expr::Compare {
            op,
            l: Box::new(l),
            r: Box::new(r),
            aff,
        }
    }

    pub(super) fn expr(&mut self, e: &ast::Expr, sc: &Scope) -> Result<Expr> {
        use ast::Expr as A;
        Ok(match e {
            A::Identifier(i) => sc.resolve(None, &i.value)?.0,
            A::CompoundIdentifier(parts) => match parts.as_slice() {
                [t, c] => sc.resolve(Some(&t.value), &c.value)?.0,
                [s, t, c] if s.value.eq_ignore_ascii_case("main") => sc.resolve(Some(&t.value), &c.value)?.0,
                _ => return Err(SqlError::unsupported(self.quote(e, "name"))),
            },
            A::Value(v) => self.literal(v)?,
            A::Nested(inner) => self.expr(inner, sc)?,
            A::BinaryOp { left, op, right } => {
                let cmp = match op {
                    B::Eq => Some(CmpOp::Eq),
                    B::NotEq => Some(CmpOp::Ne),
                    B::Lt => Some(CmpOp::Lt),
                    B::LtEq => Some(CmpOp::Le),
                    B::Gt => Some(CmpOp::Gt),
                    B::GtEq => Some(CmpOp::Ge),
                    _ => None,
                };
                if let (Some(c), A::Tuple(ls), A::Tuple(rs)) = (cmp, &**left, &**right) {
                    return match c {
                        CmpOp::Eq => self.row_equal(ls, rs, sc),
                        CmpOp::Ne => Ok(Expr::Unary(UnOp::Not, Box::new(self.row_equal(ls, rs, sc)?))),
                        _ => Err(SqlError::unsupported("row-value ordering comparison")),
                    };
                }
                if let Some(c) = cmp {
                    return self.compare(c, left, right, sc);
                }
                let bop = match op {
                    B::Plus => BinOp::Add,
                    B::Minus => BinOp::Sub,
                    B::Multiply => BinOp::Mul,
                    B::Divide => BinOp::Div,
                    B::Modulo => BinOp::Rem,
                    B::StringConcat => BinOp::Concat,
                    B::And => BinOp::And,
                    B::Or => BinOp::Or,
                    B::BitwiseAnd => BinOp::BitAnd,
                    B::BitwiseOr => BinOp::BitOr,
                    B::PGBitwiseShiftLeft => BinOp::Shl,
                    B::PGBitwiseShiftRight => BinOp::Shr,
                    B::Is | B::IsNot => {
                        let (l, r) = (self.expr(left, sc)?, self.expr(right, sc)?);
                        return Ok(self.make_is(l, r, matches!(op, B::IsNot), sc));
                    }
                    B::Glob => {
                        let (l, r) = (self.expr(left, sc)?, self.expr(right, sc)?);
                        return Ok(Expr::Like {
                            expr: Box::new(l),
                            pattern: Box::new(r),
                            escape: None,
                            negated: false,
                            glob: true,
                        });
                    }
                    _ => return Err(SqlError::unsupported(self.quote(e, "operator in"))),
                };
                Expr::Binary(bop, Box::new(self.expr(left, sc)?), Box::new(self.expr(right, sc)?))
            }
            A::UnaryOp { op, expr } => {
                let inner = self.expr(expr, sc)?;
                match (op, &inner) {
                    (U::Minus, Expr::Literal(Value::Integer(i))) => Expr::Literal(match i.checked_neg() {
                        Some(n) => Value::Integer(n),
                        None => Value::Real(-(*i as f64)),
                    }),
                    (U::Minus, Expr::Literal(Value::Real(f))) => Expr::Literal(Value::Real(-f)),
                    _ => {
                        let u = match op {
                            U::Minus => UnOp::Neg,
                            U::Plus => UnOp::Plus,
                            U::Not => UnOp::Not,
                            U::BitwiseNot => UnOp::BitNot,
                            _ => return Err(SqlError::unsupported(self.quote(e, "operator in"))),
                        };
                        Expr::Unary(u, Box::new(inner))
                    }
                }
            }
            A::IsNull(x) => Expr::IsNull(Box::new(self.expr(x, sc)?), false),
            A::IsNotNull(x) => Expr::IsNull(Box::new(self.expr(x, sc)?), true),
            A::IsNotDistinctFrom(l, r) | A::IsDistinctFrom(l, r) => {
                let (l, r) = (self.expr(l, sc)?, self.expr(r, sc)?);
                self.make_is(l, r, matches!(e, A::IsDistinctFrom(..)), sc)
            }
            // Row values: `(a, b) IN ((?, ?), ...)` is an OR of row equalities, which
            // gives IN's three-valued result.
            // SQLAlchemy's sqlite dialect writes tuple IN as `(a, b) IN (VALUES (?, ?), ...)`.
            A::In { expr, target, negated, .. } if matches!(**expr, A::Tuple(_)) => {
                let A::Tuple(ls) = &**expr else {
                    return Err(SqlError::unsupported("row value"));
                };
                let rows: Vec<&[ast::Expr]> = match target {
                    ast::InTarget::List(list) => list
                        .iter()
                        .map(|item| match item {
                            A::Tuple(rs) => Ok(rs.as_slice()),
                            _ => Err(SqlError::op("row value misused")),
                        })
                        .collect::<Result<_>>()?,
                    ast::InTarget::Subquery(q) => match (&*q.body, &q.order_by, &q.limit_clause, &q.with) {
                        (ast::SetExpr::Values(v), None, None, None) => v.rows.iter().map(|r| r.content.as_slice()).collect(),
                        _ => return Err(SqlError::unsupported("row value IN (SELECT ...)")),
                    },
                    _ => return Err(SqlError::unsupported("row value IN target")),
                };
                let mut any: Option<Expr> = None;
                for rs in rows {
                    let eq = self.row_equal(ls, rs, sc)?;
                    any = Some(match any {
                        None => eq,
                        Some(prev) => Expr::Binary(BinOp::Or, Box::new(prev), Box::new(eq)),
                    });
                }
                let any = any.unwrap_or(Expr::Literal(Value::Integer(0)));
                if *negated {
                    Expr::Unary(UnOp::Not, Box::new(any))
                } else {
                    any
                }
            }
            A::In { expr, target, negated, .. } => {
                let x = self.expr(expr, sc)?;
                let xa = self.affinity(&x, sc);
                match target {
                    ast::InTarget::List(list) => {
                        let list = list.iter().map(|i| self.expr(i, sc)).collect::<Result<Vec<_>>>()?;
                        // The list values count as having no affinity (lang_expr "The IN operator").
                        let aff = xa;
                        Expr::InList {
                            expr: Box::new(x),
                            list,
                            negated: *negated,
                            aff,
                        }
                    }
                    ast::InTarget::Subquery(q) => {
                        let q = self.query(q, Some(sc))?;
                        if q.columns.len() != 1 {
                            return Err(SqlError::op(format!("sub-select returns {} columns - expected 1", q.columns.len())));
                        }
                        let aff = comparison(q.affinities[0], xa);
                        Expr::InSubquery {
                            expr: Box::new(x),
                            query: q,
                            negated: *negated,
                            aff,
                        }
                    }
                    _ => return Err(SqlError::unsupported(self.quote(e, "IN target in"))),
                }
            }
            A::Between { expr, negated, low, high } => {
                let ge = self.compare(CmpOp::Ge, expr, low, sc)?;
                let le = self.compare(CmpOp::Le, expr, high, sc)?;
                let both = Expr::Binary(BinOp::And, Box::new(ge), Box::new(le));
                if *negated {
                    Expr::Unary(UnOp::Not, Box::new(both))
                } else {
                    both
                }
            }
            A::Like {
                negated,
                any: false,
                expr,
                pattern,
                escape_char,
            } => Expr::Like {
                expr: Box::new(self.expr(expr, sc)?),
                pattern: Box::new(self.expr(pattern, sc)?),
                escape: match escape_char {
                    Some(x) => Some(Box::new(self.expr(x, sc)?)),
                    None => None,
                },
                negated: *negated,
                glob: false,
            },
            A::Case {
                operand,
                conditions,
                else_result,
                ..
            } => {
                let base = match operand {
                    Some(o) => Some(self.expr(o, sc)?),
                    None => None,
                };
                let mut whens = Vec::new();
                for w in conditions {
                    let c = self.expr(&w.condition, sc)?;
                    let c = match &base {
                        Some(b) => self.make_compare(CmpOp::Eq, b.clone(), c, sc),
                        None => c,
                    };
                    whens.push((c, self.expr(&w.result, sc)?));
                }
                let else_ = match else_result {
                    Some(x) => Some(Box::new(self.expr(x, sc)?)),
                    None => None,
                };
                Expr::Case {
                    operand: None,
                    whens,
                    else_,
                }
            }
            A::Cast {
                kind: ast::CastKind::Cast,
                expr,
                data_type,
                format: None,
            } => {
                let to = cast_to(data_type).ok_or_else(|| SqlError::unsupported(self.quote(e, "CAST target type in")))?;
                Expr::Cast(Box::new(self.expr(expr, sc)?), to)
            }
            A::Exists { subquery, negated } => Expr::Exists {
                query: self.query(subquery, Some(sc))?,
                negated: *negated,
            },
            A::Subquery(q) => {
                let q = self.query(q, Some(sc))?;
                if q.columns.len() != 1 {
                    return Err(SqlError::op(format!("sub-select returns {} columns - expected 1", q.columns.len())));
                }
                Expr::Subquery(q)
            }
            A::Trim {
                expr,
                trim_where: None,
                trim_what: None,
                trim_characters,
            } => {
                let mut args = vec![self.expr(expr, sc)?];
                if let Some(chars) = trim_characters {
                    for c in chars {
                        args.push(self.expr(c, sc)?);
                    }
                }
                if args.len() > 2 {
                    return Err(SqlError::op("wrong number of arguments to function trim()"));
                }
                Expr::Func("trim".into(), args)
            }
            A::Substring {
                expr,
                substring_from: Some(from),
                substring_for,
                special: true,
                ..
            } => {
                let mut args = vec![self.expr(expr, sc)?, self.expr(from, sc)?];
                if let Some(f) = substring_for {
                    args.push(self.expr(f, sc)?);
                }
                Expr::Func("substr".into(), args)
            }
            A::Collate { expr, collation } if name_text(collation).eq_ignore_ascii_case("binary") => self.expr(expr, sc)?,
            A::Function(f) => self.function(f, sc)?,
            _ => return Err(SqlError::unsupported(self.quote(e, "expression"))),
        })
    }

    fn function(&mut self, f: &ast::Function, sc: &Scope) -> Result<Expr> {
        let name = name_text(&f.name).to_ascii_lowercase();
        if f.over.is_some() || f.filter.is_some() || !f.within_group.is_empty() {
            return Err(SqlError::unsupported(format!("window or filtered function {name}()")));
        }
        let (distinct, raw_args): (bool, Vec<&ast::FunctionArg>) = match &f.args {
            ast::FunctionArguments::None => (false, Vec::new()),
            ast::FunctionArguments::List(l) => {
                if !l.clauses.is_empty() {
                    return Err(SqlError::unsupported(format!("clauses in {name}()")));
                }
                (
                    matches!(l.duplicate_treatment, Some(ast::DuplicateTreatment::Distinct)),
                    l.args.iter().collect(),
                )
            }
            ast::FunctionArguments::Subquery(_) => return Err(SqlError::unsupported("subquery as function arguments")),
        };
        let star = raw_args.len() == 1 && matches!(raw_args[0], ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Wildcard));
        let agg = match (name.as_str(), raw_args.len()) {
            ("count", 0) => Some(AggFn::CountStar),
            ("count", 1) if star => Some(AggFn::CountStar),
            ("count", 1) => Some(AggFn::Count),
            ("sum", 1) => Some(AggFn::Sum),
            ("total", 1) => Some(AggFn::Total),
            ("avg", 1) => Some(AggFn::Avg),
            ("min", 1) => Some(AggFn::Min),
            ("max", 1) => Some(AggFn::Max),
            ("group_concat", 1 | 2) => Some(AggFn::GroupConcat),
            _ => None,
        };
        if star && agg != Some(AggFn::CountStar) {
            return Err(SqlError::op(format!("wrong number of arguments to function {name}()")));
        }
        let mut args = Vec::new();
        if !star {
            for a in raw_args {
                match a {
                    ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(x)) => args.push(self.expr(x, sc)?),
                    other => return Err(SqlError::unsupported(self.quote(other, "function argument"))),
                }
            }
        }
        if let Some(func) = agg {
            let mut slot = sc.aggs.borrow_mut();
            let Some(list) = slot.as_mut() else {
                return Err(SqlError::op(format!("misuse of aggregate function {name}()")));
            };
            if distinct && args.len() != 1 {
                return Err(SqlError::op("DISTINCT aggregates must have exactly one argument"));
            }
            list.push(AggCall { func, args, distinct });
            return Ok(Expr::Column {
                depth: 0,
                idx: sc.width + list.len() - 1,
            });
        }
        if distinct {
            return Err(SqlError::op("DISTINCT aggregates must have exactly one argument"));
        }
        match SCALARS.iter().find(|(n, _, _)| *n == name) {
            Some((_, lo, hi)) if args.len() >= *lo && args.len() <= *hi => Ok(Expr::Func(name, args)),
            Some(_) => Err(SqlError::op(format!("wrong number of arguments to function {name}()"))),
            None if ["count", "sum", "total", "avg", "group_concat"].contains(&name.as_str()) => {
                Err(SqlError::op(format!("wrong number of arguments to function {name}()")))
            }
            // Clock and randomness have no deterministic in-browser answer here.
            None if [
                "current_timestamp",
                "current_date",
                "current_time",
                "datetime",
                "date",
                "time",
                "julianday",
                "strftime",
                "unixepoch",
                "random",
                "randomblob",
                "printf",
                "format",
                "json",
                "json_extract",
            ]
            .contains(&name.as_str()) =>
            {
                Err(SqlError::unsupported(format!("function {name}()")))
            }
            None => Err(SqlError::op(format!("no such function: {}", name_text(&f.name)))),
        }
    }
}
