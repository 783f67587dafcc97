//! The SyntaxErrors CPython's compiler raises for `match` patterns
//! (`compiler_pattern*` in compile.c), in the order it walks them:
//! irrefutable patterns before the last case or alternative, repeated
//! names, OR alternatives binding different names, several starred names,
//! duplicate literal keys and repeated class attributes.

use super::errors::{SyntaxError, SyntaxErrorKind};
use crate::ast::*;

type Err = (String, Span);

pub fn check_match(cases: &[MatchCase], src: &str) -> Result<(), SyntaxError> {
    for (i, c) in cases.iter().enumerate() {
        // Only the last case, or one with a guard, may be irrefutable.
        let allow = c.guard.is_some() || i + 1 == cases.len();
        let mut stores = Vec::new();
        if let Err((msg, s)) = check(&c.pattern, allow, &mut stores) {
            return Err(
                SyntaxError::new(SyntaxErrorKind::SyntaxError, msg, s.line, s.col + 1)
                    .with_end(s.end_line, s.end_col + 1)
                    .with_text_from(src),
            );
        }
    }
    Ok(())
}

/// The names a pattern binds, in binding order (also what the compiler
/// stores after a successful match).
pub fn bound_names(p: &Pattern) -> Vec<Name> {
    let mut out = Vec::new();
    // Checked before compiling, so this cannot fail.
    let _ = check(p, true, &mut out);
    out
}

fn store(name: &Name, span: Span, stores: &mut Vec<Name>) -> Result<(), Err> {
    if stores.contains(name) {
        let msg = format!("multiple assignments to name '{name}' in pattern");
        return Err((msg, span));
    }
    stores.push(name.clone());
    Ok(())
}

fn check(p: &Pattern, allow: bool, stores: &mut Vec<Name>) -> Result<(), Err> {
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) => Ok(()),
        PatternKind::As {
            pattern: None,
            name,
        } => {
            if !allow {
                let msg = match name {
                    Some(n) => format!("name capture '{n}' makes remaining patterns unreachable"),
                    None => "wildcard makes remaining patterns unreachable".into(),
                };
                return Err((msg, p.span));
            }
            name.as_ref().map_or(Ok(()), |n| store(n, p.span, stores))
        }
        PatternKind::As {
            pattern: Some(inner),
            name,
        } => {
            check(inner, allow, stores)?;
            name.as_ref().map_or(Ok(()), |n| store(n, p.span, stores))
        }
        PatternKind::Star(name) => name.as_ref().map_or(Ok(()), |n| store(n, p.span, stores)),
        PatternKind::Sequence(items) => {
            let stars = items
                .iter()
                .filter(|x| matches!(x.kind, PatternKind::Star(_)))
                .count();
            if stars > 1 {
                return Err(("multiple starred names in sequence pattern".into(), p.span));
            }
            items.iter().try_for_each(|x| check(x, true, stores))
        }
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        } => {
            let mut seen: Vec<Constant> = Vec::new();
            for k in keys {
                if let Some(c) = literal(k) {
                    if seen.iter().any(|s| same_key(s, &c)) {
                        let msg = format!("mapping pattern checks duplicate key ({})", repr(&c));
                        return Err((msg, p.span));
                    }
                    seen.push(c);
                }
            }
            patterns.iter().try_for_each(|x| check(x, true, stores))?;
            rest.as_ref().map_or(Ok(()), |n| store(n, p.span, stores))
        }
        PatternKind::Class {
            patterns,
            kwd_attrs,
            kwd_patterns,
            ..
        } => {
            for (i, a) in kwd_attrs.iter().enumerate() {
                if kwd_attrs[..i].contains(a) {
                    let msg = format!("attribute name repeated in class pattern: {a}");
                    return Err((msg, kwd_patterns[i].span));
                }
            }
            patterns
                .iter()
                .chain(kwd_patterns)
                .try_for_each(|x| check(x, true, stores))
        }
        PatternKind::Or(alts) => {
            let mut control: Option<Vec<Name>> = None;
            for (i, alt) in alts.iter().enumerate() {
                let mut own = Vec::new();
                check(alt, allow && i + 1 == alts.len(), &mut own)?;
                match &control {
                    None => control = Some(own),
                    Some(c) => {
                        if c.len() != own.len() || c.iter().any(|n| !own.contains(n)) {
                            let msg = "alternative patterns bind different names".to_string();
                            return Err((msg, alt.span));
                        }
                    }
                }
            }
            for n in control.unwrap_or_default() {
                store(&n, p.span, stores)?;
            }
            Ok(())
        }
    }
}

/// The expressions a pattern evaluates (values, keys, classes), in order.
pub fn pattern_exprs<'a>(p: &'a Pattern, out: &mut Vec<&'a Expr>) {
    match &p.kind {
        PatternKind::Value(e) => out.push(e),
        PatternKind::Singleton(_) | PatternKind::Star(_) => {}
        PatternKind::As { pattern, .. } => {
            if let Some(x) = pattern {
                pattern_exprs(x, out);
            }
        }
        PatternKind::Sequence(xs) | PatternKind::Or(xs) => {
            xs.iter().for_each(|x| pattern_exprs(x, out));
        }
        PatternKind::Mapping { keys, patterns, .. } => {
            out.extend(keys);
            patterns.iter().for_each(|x| pattern_exprs(x, out));
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_patterns,
            ..
        } => {
            out.push(cls);
            patterns
                .iter()
                .chain(kwd_patterns)
                .for_each(|x| pattern_exprs(x, out));
        }
    }
}

/// A mapping key known at compile time: a literal, or a negated number
/// (CPython folds `-1` before checking).
fn literal(e: &Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Constant(c) => Some(c.clone()),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(Constant::Int(i)) => i.checked_neg().map(Constant::Int),
            ExprKind::Constant(Constant::Float(f)) => Some(Constant::Float(-f)),
            _ => None,
        },
        _ => None,
    }
}

/// Key equality as a dict sees it: `1`, `1.0` and `True` are one key.
fn same_key(a: &Constant, b: &Constant) -> bool {
    fn num(c: &Constant) -> Option<f64> {
        match c {
            Constant::Int(i) => Some(*i as f64),
            Constant::Float(f) => Some(*f),
            Constant::True => Some(1.0),
            Constant::False => Some(0.0),
            _ => None,
        }
    }
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn repr(c: &Constant) -> String {
    match c {
        Constant::Str(s) => crate::format::repr::str_repr(s),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => s.to_string(),
        Constant::Float(f) => crate::format::float::float_repr(*f),
        Constant::Bytes(b) => crate::format::repr::bytes_repr(b),
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::parse_module;

    fn err(src: &str) -> String {
        parse_module(src)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.msg)
    }

    #[test]
    fn keys_equal_as_dict_keys_are_duplicates() {
        let dup = |k: &str| err(&format!("match x:\n    case {{{k}: 1}}:\n        pass\n"));
        assert_eq!(
            dup("1: 0, True"),
            "mapping pattern checks duplicate key (True)"
        );
        assert_eq!(dup("0: 0, -0"), "mapping pattern checks duplicate key (0)");
        assert_eq!(
            dup("'a': 0, \"a\""),
            "mapping pattern checks duplicate key ('a')"
        );
        assert_eq!(dup("b'a': 0, 'a'"), "");
        assert_eq!(
            dup("K.A: 0, K.A"),
            "",
            "value patterns are checked at run time"
        );
    }

    #[test]
    fn irrefutable_cases_only_last_or_guarded() {
        let src =
            |a: &str| format!("match x:\n    case {a}:\n        pass\n    case 1:\n        pass\n");
        assert_eq!(err(&src("y if y")), "");
        assert_eq!(err(&src("[_, _]")), "", "a sequence pattern is refutable");
        assert_eq!(
            err(&src("1 | (_)")),
            "wildcard makes remaining patterns unreachable"
        );
        assert_eq!(
            err(&src("(z as y)")),
            "name capture 'z' makes remaining patterns unreachable"
        );
    }

    #[test]
    fn or_alternatives_may_bind_in_any_order() {
        assert_eq!(
            err("match x:\n    case (a, b) | [b, a]:\n        pass\n"),
            ""
        );
        assert_eq!(
            err("match x:\n    case [a, (1 | 2) as a]:\n        pass\n"),
            "multiple assignments to name 'a' in pattern"
        );
    }

    #[test]
    fn hostile_patterns_are_errors_or_run_not_crashes() {
        let deep = format!(
            "match x:\n    case {}1{}:\n        pass\n",
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(err(&deep), "too many nested parentheses");
        let dotted = format!("match x:\n    case a{}:\n        pass\n", ".b".repeat(5000));
        assert!(!err(&dotted).is_empty());
        let alts: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
        assert_eq!(
            err(&format!(
                "match x:\n    case {}:\n        pass\n",
                alts.join(" | ")
            )),
            ""
        );
    }
}
