//! Operators and their precedence (`sql/operators.py` `_PRECEDENCE`):
//! an operand is parenthesised when its operator binds no tighter than
//! the operator it sits in, except for associative operators in
//! themselves (`a + b + c`, `x AND y AND z`).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Concat,
    Like,
    NotLike,
    /// `lower(a) LIKE lower(b)`
    ILike,
    NotILike,
    In,
    NotIn,
    Is,
    IsNot,
    IsDistinctFrom,
    IsNotDistinctFrom,
}

/// Precedence levels beyond binary operators.
pub const PREC_AND: i32 = 3;
pub const PREC_OR: i32 = 2;
pub const PREC_NOT: i32 = 5;
pub const PREC_NEG: i32 = 8;
pub const PREC_BETWEEN: i32 = 5;

impl BinOp {
    pub fn precedence(self) -> i32 {
        match self {
            BinOp::Mul | BinOp::Div | BinOp::Mod => 8,
            BinOp::Add | BinOp::Sub => 7,
            _ => 5,
        }
    }

    /// `is_natural_self_precedent`: associative operators (minus eq/ne).
    pub fn self_associative(self) -> bool {
        matches!(self, BinOp::Add | BinOp::Mul | BinOp::Concat)
    }

    pub fn sql(self) -> &'static str {
        match self {
            BinOp::Eq => " = ",
            BinOp::Ne => " != ",
            BinOp::Lt => " < ",
            BinOp::Le => " <= ",
            BinOp::Gt => " > ",
            BinOp::Ge => " >= ",
            BinOp::Add => " + ",
            BinOp::Sub => " - ",
            BinOp::Mul => " * ",
            BinOp::Div => " / ",
            BinOp::Mod => " % ",
            BinOp::Concat => " || ",
            BinOp::Like | BinOp::ILike => " LIKE ",
            BinOp::NotLike | BinOp::NotILike => " NOT LIKE ",
            BinOp::In => " IN ",
            BinOp::NotIn => " NOT IN ",
            BinOp::Is => " IS ",
            BinOp::IsNot => " IS NOT ",
            BinOp::IsDistinctFrom => " IS NOT ",
            BinOp::IsNotDistinctFrom => " IS ",
        }
    }

    /// The operator `~` turns this one into, when it has a direct negation.
    pub fn negate(self) -> Option<BinOp> {
        Some(match self {
            BinOp::Eq => BinOp::Ne,
            BinOp::Ne => BinOp::Eq,
            BinOp::Lt => BinOp::Ge,
            BinOp::Ge => BinOp::Lt,
            BinOp::Gt => BinOp::Le,
            BinOp::Le => BinOp::Gt,
            BinOp::Like => BinOp::NotLike,
            BinOp::NotLike => BinOp::Like,
            BinOp::ILike => BinOp::NotILike,
            BinOp::NotILike => BinOp::ILike,
            BinOp::In => BinOp::NotIn,
            BinOp::NotIn => BinOp::In,
            BinOp::Is => BinOp::IsNot,
            BinOp::IsNot => BinOp::Is,
            BinOp::IsDistinctFrom => BinOp::IsNotDistinctFrom,
            BinOp::IsNotDistinctFrom => BinOp::IsDistinctFrom,
            _ => return None,
        })
    }
}
