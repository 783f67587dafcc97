//! Column expressions with Python operator overloading.

use std::any::Any;
use std::rc::Rc;

use relplay_orm::sql::{and_, not_, or_, BinOp, Expr};
use relplay_py::ast::{CmpOp, UnaryOp};
use relplay_py::builtins::builtin;
use relplay_py::object::class::Class;
use relplay_py::object::native::{Kwargs, NativeObject};
use relplay_py::{Interpreter, PyResult, Value};

use crate::util::{cast, native, native_class, to_py};

pub struct ExprObj(pub Expr);

/// `text("...")`.
pub struct TextObj {
    pub sql: String,
}

impl NativeObject for TextObj {
    fn class(&self) -> Rc<Class> {
        native_class("TextClause", "sqlalchemy.sql.elements", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        Ok(Some(self.sql.clone()))
    }
}

pub fn text(_interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Str(s)) => Ok(native(TextObj { sql: s.to_string() })),
        _ => Err(crate::util::type_error("text() argument must be a string")),
    }
}

/// The SQL expression a Python value stands for, if it is one.
pub fn as_expr(v: &Value) -> Option<Expr> {
    if let Some(e) = cast::<ExprObj>(v) {
        return Some(e.0.clone());
    }
    if let Some(c) = cast::<crate::schema::ColumnObj>(v) {
        return c.expr();
    }
    if let Some(t) = cast::<TextObj>(v) {
        return Some(Expr::Raw(t.sql.clone()));
    }
    if let Some(mc) = cast::<crate::orm::decl_base::MappedColumnObj>(v) {
        let col = mc.1.borrow().clone()?;
        return as_expr(&col);
    }
    crate::orm::attributes::attr_expr(v)
}

fn cmp_binop(op: CmpOp) -> Option<BinOp> {
    Some(match op {
        CmpOp::Eq => BinOp::Eq,
        CmpOp::NotEq => BinOp::Ne,
        CmpOp::Lt => BinOp::Lt,
        CmpOp::LtE => BinOp::Le,
        CmpOp::Gt => BinOp::Gt,
        CmpOp::GtE => BinOp::Ge,
        _ => return None,
    })
}

/// `left <op> other` for a column-like left side.
pub fn compare(interp: &mut Interpreter, left: Expr, op: CmpOp, other: &Value) -> PyResult<Value> {
    let Some(bop) = cmp_binop(op) else {
        return Err(crate::util::not_supported(
            interp,
            "this comparison on a SQL expression",
        ));
    };
    let e = match as_expr(other) {
        Some(r) => left.binary(bop, r),
        None => {
            let v = to_py(other)?;
            match bop {
                BinOp::Eq => left.eq_value(v),
                BinOp::Ne => left.ne_value(v),
                _ => left.op_value(bop, v),
            }
        }
    };
    Ok(native(ExprObj(e)))
}

fn values_of(interp: &mut Interpreter, v: &Value) -> PyResult<Vec<relplay_orm::PyValue>> {
    let items = interp.collect_iter(v)?;
    items.iter().map(to_py).collect()
}

type ExprMethod = dyn Fn(&mut Interpreter, Expr, Vec<Value>) -> PyResult<Expr>;

/// Methods shared by every column-like object (`.in_()`, `.like()`, ...).
pub fn expr_attr(_interp: &mut Interpreter, e: Expr, name: &str) -> PyResult<Option<Value>> {
    let m = |f: Box<ExprMethod>| {
        let e = e.clone();
        builtin(name, move |i, a, _k| {
            f(i, e.clone(), a).map(|x| native(ExprObj(x)))
        })
    };
    let arg0 = |a: &[Value]| a.first().cloned().unwrap_or(Value::None);
    Ok(Some(match name {
        "in_" => m(Box::new(move |i, e, a| {
            Ok(e.in_values(values_of(i, &arg0(&a))?))
        })),
        "not_in" | "notin_" => m(Box::new(move |i, e, a| {
            Ok(e.not_in_values(values_of(i, &arg0(&a))?))
        })),
        "like" => m(Box::new(move |_, e, a| {
            Ok(e.op_value(BinOp::Like, to_py(&arg0(&a))?))
        })),
        "ilike" => m(Box::new(move |_, e, a| {
            Ok(e.op_value(BinOp::ILike, to_py(&arg0(&a))?))
        })),
        "not_like" | "notlike" => m(Box::new(move |_, e, a| {
            Ok(e.op_value(BinOp::NotLike, to_py(&arg0(&a))?))
        })),
        "is_" => m(Box::new(move |_, e, a| {
            Ok(match as_expr(&arg0(&a)) {
                Some(r) => e.binary(BinOp::Is, r),
                None => e.is_null(),
            })
        })),
        "is_not" | "isnot" => m(Box::new(move |_, e, a| {
            Ok(match as_expr(&arg0(&a)) {
                Some(r) => e.binary(BinOp::IsNot, r),
                None => e.is_not_null(),
            })
        })),
        "startswith" => m(Box::new(move |_, e, a| {
            Ok(e.like_affix(to_py(&arg0(&a))?, true, false))
        })),
        "endswith" => m(Box::new(move |_, e, a| {
            Ok(e.like_affix(to_py(&arg0(&a))?, false, true))
        })),
        "contains" => m(Box::new(move |_, e, a| {
            Ok(e.like_affix(to_py(&arg0(&a))?, true, true))
        })),
        "desc" => m(Box::new(move |_, e, _| Ok(e.desc()))),
        "asc" => m(Box::new(move |_, e, _| Ok(Expr::Asc(Box::new(e))))),
        "label" => m(Box::new(move |_, e, a| {
            Ok(e.label(
                &crate::util::str_of(&arg0(&a))
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            ))
        })),
        "between" => m(Box::new(move |_, e, a| {
            let lo = e.literal_for(to_py(&a.first().cloned().unwrap_or(Value::None))?);
            let hi = e.literal_for(to_py(&a.get(1).cloned().unwrap_or(Value::None))?);
            Ok(Expr::Between {
                expr: Box::new(e),
                low: Box::new(lo),
                high: Box::new(hi),
                negated: false,
            })
        })),
        _ => return Ok(None),
    }))
}

fn binop(
    left: &Expr,
    op: relplay_py::ast::BinOp,
    other: &Value,
    reflected: bool,
) -> PyResult<Option<Value>> {
    use relplay_py::ast::BinOp as P;
    let bop = match op {
        P::Add => {
            if matches!(
                left.sql_type(),
                relplay_orm::types::SqlType::String(_) | relplay_orm::types::SqlType::Text(_)
            ) {
                BinOp::Concat
            } else {
                BinOp::Add
            }
        }
        P::Sub => BinOp::Sub,
        P::Mult => BinOp::Mul,
        P::Div => BinOp::Div,
        P::Mod => BinOp::Mod,
        // `a & b` / `a | b` are and_() / or_()
        P::BitAnd | P::BitOr => {
            let Some(right) = as_expr(other) else {
                return Ok(None);
            };
            let (l, r) = if reflected {
                (right, left.clone())
            } else {
                (left.clone(), right)
            };
            let e = if op == P::BitAnd {
                and_(vec![l, r])
            } else {
                or_(vec![l, r])
            };
            return Ok(Some(native(ExprObj(e))));
        }
        _ => return Ok(None),
    };
    let right = match as_expr(other) {
        Some(r) => r,
        None => left.literal_for(to_py(other)?),
    };
    let e = if reflected {
        right.binary(bop, left.clone())
    } else {
        left.clone().binary(bop, right)
    };
    Ok(Some(native(ExprObj(e))))
}

/// Operator protocol shared by column-like natives.
pub fn column_binop(
    left: &Expr,
    op: relplay_py::ast::BinOp,
    other: &Value,
    reflected: bool,
) -> PyResult<Option<Value>> {
    binop(left, op, other, reflected)
}

pub fn column_unary(e: &Expr, op: UnaryOp) -> PyResult<Option<Value>> {
    Ok(match op {
        UnaryOp::Invert | UnaryOp::Not => Some(native(ExprObj(not_(e.clone())))),
        UnaryOp::USub => Some(native(ExprObj(Expr::Neg(Box::new(e.clone()))))),
        _ => None,
    })
}

impl NativeObject for ExprObj {
    fn class(&self) -> Rc<Class> {
        native_class("BinaryExpression", "sqlalchemy.sql.elements", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        expr_attr(interp, self.0.clone(), name)
    }
    fn richcompare(
        &self,
        interp: &mut Interpreter,
        _me: &Value,
        op: CmpOp,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        compare(interp, self.0.clone(), op, other).map(Some)
    }
    fn binop(
        &self,
        _i: &mut Interpreter,
        _me: &Value,
        op: relplay_py::ast::BinOp,
        other: &Value,
        reflected: bool,
    ) -> PyResult<Option<Value>> {
        binop(&self.0, op, other, reflected)
    }
    fn unary(&self, _i: &mut Interpreter, _me: &Value, op: UnaryOp) -> PyResult<Option<Value>> {
        column_unary(&self.0, op)
    }
    fn bool(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<bool>> {
        Err(crate::util::type_error(
            "Boolean value of this clause is not defined",
        ))
    }
    fn str(&self, _i: &mut Interpreter, _me: &Value) -> PyResult<Option<String>> {
        let sel = relplay_orm::sql::Select::new(vec![]).where_(self.0.clone());
        let s = relplay_orm::sql::compile_str(relplay_orm::sql::Statement::Select(&sel))
            .map_err(crate::util::orm_err)?;
        Ok(Some(s.rsplit("WHERE ").next().unwrap_or("").to_string()))
    }
}

fn exprs_of(interp: &mut Interpreter, args: &[Value]) -> PyResult<Vec<Expr>> {
    let mut out = Vec::new();
    for a in args {
        match as_expr(a) {
            Some(e) => out.push(e),
            None => {
                return Err(crate::util::not_supported(
                    interp,
                    &format!("a {} inside and_()/or_()", a.type_name()),
                ))
            }
        }
    }
    Ok(out)
}

pub fn and_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(native(ExprObj(and_(exprs_of(interp, &args)?))))
}
pub fn or_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(native(ExprObj(or_(exprs_of(interp, &args)?))))
}
pub fn not_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let e = exprs_of(interp, &args)?;
    Ok(native(ExprObj(not_(
        e.into_iter().next().unwrap_or(Expr::Null),
    ))))
}
pub fn desc_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let e = exprs_of(interp, &args)?;
    Ok(native(ExprObj(Expr::Desc(Box::new(
        e.into_iter().next().unwrap_or(Expr::Null),
    )))))
}
pub fn asc_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let e = exprs_of(interp, &args)?;
    Ok(native(ExprObj(Expr::Asc(Box::new(
        e.into_iter().next().unwrap_or(Expr::Null),
    )))))
}

/// `func.<name>(...)`.
pub struct FuncNamespace;

impl NativeObject for FuncNamespace {
    fn class(&self) -> Rc<Class> {
        native_class("_FunctionGenerator", "sqlalchemy.sql.functions", &[])
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn getattr(
        &self,
        _interp: &mut Interpreter,
        _me: &Value,
        name: &str,
    ) -> PyResult<Option<Value>> {
        let n = name.to_string();
        Ok(Some(builtin(name, move |_i, a, _k| {
            // literal arguments are bound with their own type
            let args = a
                .iter()
                .map(expr_or_literal)
                .collect::<PyResult<Vec<_>>>()?;
            Ok(native(ExprObj(if n == "count" {
                Expr::count(args.into_iter().next())
            } else {
                Expr::func(&n, args)
            })))
        })))
    }
}

/// An expression argument, or a Python literal bound with its own type.
fn expr_or_literal(v: &Value) -> PyResult<Expr> {
    match as_expr(v) {
        Some(e) => Ok(e),
        None => {
            let pv = to_py(v)?;
            let ty = relplay_orm::types::SqlType::for_value(&pv);
            Ok(Expr::Bind { value: pv, ty })
        }
    }
}

/// `case((cond, result), ..., else_=x)` and `case({v: result}, value=col)`.
pub fn case_fn(interp: &mut Interpreter, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mut value: Option<Expr> = None;
    let mut else_: Option<Expr> = None;
    for (k, v) in &kw {
        match &**k {
            "value" => value = Some(expr_or_literal(v)?),
            "else_" => else_ = Some(expr_or_literal(v)?),
            other => {
                return Err(crate::util::type_error(format!(
                    "case() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    for a in &args {
        match a {
            Value::Dict(d) => pairs.extend(d.borrow().items()),
            Value::Tuple(t) if t.len() == 2 => pairs.push((t[0].clone(), t[1].clone())),
            other => {
                let shown = interp.repr(other)?;
                return Err(crate::exc::raise(
                    "ArgumentError",
                    &format!(
                        "case() expects (condition, result) tuples or a dictionary, got {shown}"
                    ),
                ));
            }
        }
    }
    let mut whens = Vec::new();
    for (c, r) in pairs {
        let cond = match (&value, as_expr(&c)) {
            (_, Some(e)) => e,
            (Some(v), None) => v.literal_for(to_py(&c)?),
            (None, None) => {
                return Err(crate::util::not_supported(
                    interp,
                    "case() with a non-expression WHEN condition",
                ))
            }
        };
        whens.push((cond, expr_or_literal(&r)?));
    }
    let ty = whens
        .iter()
        .map(|(_, r)| r.sql_type())
        .find(|t| *t != relplay_orm::types::SqlType::Null)
        .or_else(|| else_.as_ref().map(|e| e.sql_type()))
        .unwrap_or(relplay_orm::types::SqlType::Null);
    Ok(native(ExprObj(Expr::Case {
        value: value.map(Box::new),
        whens,
        else_: else_.map(Box::new),
        ty,
    })))
}

/// `cast(expr, Type)`.
pub fn cast_fn(interp: &mut Interpreter, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let (Some(e), Some(t)) = (args.first(), args.get(1)) else {
        return Err(crate::util::type_error(
            "cast() takes an expression and a type",
        ));
    };
    let Some(ty) = crate::types::sql_type_of(t) else {
        let shown = interp.repr(t)?;
        return Err(crate::util::not_supported(
            interp,
            &format!("cast() to {shown}"),
        ));
    };
    Ok(native(ExprObj(Expr::Cast {
        expr: Box::new(expr_or_literal(e)?),
        ty,
    })))
}
