//! Test helper: a compact, `ast.dump`-like rendering of the tree.

use crate::ast::*;

fn list(es: &[Expr]) -> String {
    es.iter().map(expr).collect::<Vec<_>>().join(", ")
}

fn ctx(c: Ctx) -> &'static str {
    match c {
        Ctx::Load => "",
        Ctx::Store => "!",
        Ctx::Del => "~",
    }
}

fn constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::True => "True".into(),
        Constant::False => "False".into(),
        Constant::Ellipsis => "...".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(s) => format!("big:{s}"),
        Constant::Float(f) => format!("{f:?}"),
        Constant::Complex(f) => format!("{f:?}j"),
        Constant::Str(s) => format!("{s:?}"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
    }
}

fn args(a: &Arguments) -> String {
    let one = |x: &Arg| {
        let mut s = x.name.to_string();
        if let Some(an) = &x.annotation {
            s += &format!(":{}", expr(an));
        }
        if let Some(d) = &x.default {
            s += &format!("={}", expr(d));
        }
        s
    };
    let mut parts: Vec<String> = a.posonly.iter().map(one).collect();
    if !a.posonly.is_empty() {
        parts.push("/".into());
    }
    parts.extend(a.args.iter().map(one));
    match &a.vararg {
        Some(v) => parts.push(format!("*{}", one(v))),
        None if !a.kwonly.is_empty() => parts.push("*".into()),
        None => {}
    }
    parts.extend(a.kwonly.iter().map(one));
    if let Some(k) = &a.kwarg {
        parts.push(format!("**{}", one(k)));
    }
    parts.join(", ")
}

fn comps(gs: &[Comprehension]) -> String {
    gs.iter()
        .map(|g| {
            let mut s = format!(" for {} in {}", expr(&g.target), expr(&g.iter));
            for i in &g.ifs {
                s += &format!(" if {}", expr(i));
            }
            s
        })
        .collect()
}

fn fparts(ps: &[FStringPart]) -> String {
    ps.iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Formatted {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                let mut s = format!("{{{}", expr(value));
                if let Some(d) = debug_text {
                    s += &format!(" dbg={d:?}");
                }
                if let Some(c) = conversion {
                    s += &format!("!{c}");
                }
                if let Some(spec) = format_spec {
                    s += &format!(":[{}]", fparts(spec));
                }
                s + "}"
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::BoolOp { op, values } => format!("{:?}({})", op, list(values)),
        ExprKind::NamedExpr { target, value } => {
            format!("Walrus({}, {})", expr(target), expr(value))
        }
        ExprKind::BinOp { left, op, right } => format!("{:?}({}, {})", op, expr(left), expr(right)),
        ExprKind::UnaryOp { op, operand } => format!("{:?}({})", op, expr(operand)),
        ExprKind::Lambda { args: a, body } => format!("Lambda({}: {})", args(a), expr(body)),
        ExprKind::IfExp { test, body, orelse } => {
            format!(
                "IfExp({} if {} else {})",
                expr(body),
                expr(test),
                expr(orelse)
            )
        }
        ExprKind::Dict { keys, values } => {
            let items: Vec<String> = keys
                .iter()
                .zip(values)
                .map(|(k, v)| match k {
                    Some(k) => format!("{}: {}", expr(k), expr(v)),
                    None => format!("**{}", expr(v)),
                })
                .collect();
            format!("Dict({})", items.join(", "))
        }
        ExprKind::Set(es) => format!("Set({})", list(es)),
        ExprKind::ListComp { elt, generators } => {
            format!("ListComp({}{})", expr(elt), comps(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("SetComp({}{})", expr(elt), comps(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!(
                "DictComp({}: {}{})",
                expr(key),
                expr(value),
                comps(generators)
            )
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("GenExp({}{})", expr(elt), comps(generators))
        }
        ExprKind::Await(v) => format!("Await({})", expr(v)),
        ExprKind::Yield(v) => format!("Yield({})", v.as_ref().map_or(String::new(), |v| expr(v))),
        ExprKind::YieldFrom(v) => format!("YieldFrom({})", expr(v)),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            let mut s = format!("Compare({}", expr(left));
            for (o, c) in ops.iter().zip(comparators) {
                s += &format!(" {:?} {}", o, expr(c));
            }
            s + ")"
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            let mut parts: Vec<String> = args.iter().map(expr).collect();
            parts.extend(keywords.iter().map(|k| match &k.arg {
                Some(a) => format!("{}={}", a, expr(&k.value)),
                None => format!("**{}", expr(&k.value)),
            }));
            format!("Call({}, [{}])", expr(func), parts.join(", "))
        }
        ExprKind::JoinedStr(ps) => format!("F[{}]", fparts(ps)),
        ExprKind::Constant(c) => constant(c),
        ExprKind::Attribute {
            value,
            attr,
            ctx: c,
        } => format!("{}.{}{}", expr(value), attr, ctx(*c)),
        ExprKind::Subscript {
            value,
            slice,
            ctx: c,
        } => format!("{}[{}]{}", expr(value), expr(slice), ctx(*c)),
        ExprKind::Starred { value, ctx: c } => format!("*{}{}", expr(value), ctx(*c)),
        ExprKind::Name { id, ctx: c } => format!("{}{}", id, ctx(*c)),
        ExprKind::List { elts, ctx: c } => format!("List[{}]{}", list(elts), ctx(*c)),
        ExprKind::Tuple { elts, ctx: c } => format!("Tuple({}){}", list(elts), ctx(*c)),
        ExprKind::Slice { lower, upper, step } => {
            let o = |x: &Option<Box<Expr>>| x.as_ref().map_or(String::new(), |x| expr(x));
            format!("Slice({}:{}:{})", o(lower), o(upper), o(step))
        }
    }
}

fn body(b: &[Stmt]) -> String {
    format!("[{}]", b.iter().map(stmt).collect::<Vec<_>>().join("; "))
}

pub fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::FunctionDef(f) => format!(
            "Def({}{}({}){} {})",
            f.decorators
                .iter()
                .map(|d| format!("@{} ", expr(d)))
                .collect::<String>(),
            f.name,
            args(&f.args),
            f.returns
                .as_ref()
                .map_or(String::new(), |r| format!(" -> {}", expr(r))),
            body(&f.body)
        ),
        StmtKind::ClassDef(c) => {
            let mut bases: Vec<String> = c.bases.iter().map(expr).collect();
            bases.extend(
                c.keywords
                    .iter()
                    .map(|k| format!("{}={}", k.arg.as_deref().unwrap_or("**"), expr(&k.value))),
            );
            format!(
                "Class({}{}({}) {})",
                c.decorators
                    .iter()
                    .map(|d| format!("@{} ", expr(d)))
                    .collect::<String>(),
                c.name,
                bases.join(", "),
                body(&c.body)
            )
        }
        StmtKind::Return(v) => format!("Return({})", v.as_ref().map_or(String::new(), expr)),
        StmtKind::Delete(es) => format!("Del({})", list(es)),
        StmtKind::Assign { targets, value } => {
            format!("Assign({} = {})", list(targets), expr(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("AugAssign({} {:?}= {})", expr(target), op, expr(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => format!(
            "AnnAssign({}: {}{}{})",
            expr(target),
            expr(annotation),
            value
                .as_ref()
                .map_or(String::new(), |v| format!(" = {}", expr(v))),
            if *simple { "" } else { " not-simple" }
        ),
        StmtKind::For {
            target,
            iter,
            body: b,
            orelse,
        } => {
            format!(
                "For({} in {} {} else {})",
                expr(target),
                expr(iter),
                body(b),
                body(orelse)
            )
        }
        StmtKind::While {
            test,
            body: b,
            orelse,
        } => format!("While({} {} else {})", expr(test), body(b), body(orelse)),
        StmtKind::If {
            test,
            body: b,
            orelse,
        } => format!("If({} {} else {})", expr(test), body(b), body(orelse)),
        StmtKind::With { items, body: b } => {
            let it: Vec<String> = items
                .iter()
                .map(|i| match &i.vars {
                    Some(v) => format!("{} as {}", expr(&i.context), expr(v)),
                    None => expr(&i.context),
                })
                .collect();
            format!("With({} {})", it.join(", "), body(b))
        }
        StmtKind::Raise { exc, cause } => format!(
            "Raise({}{})",
            exc.as_ref().map_or(String::new(), expr),
            cause
                .as_ref()
                .map_or(String::new(), |c| format!(" from {}", expr(c)))
        ),
        StmtKind::Try {
            body: b,
            handlers,
            orelse,
            finalbody,
        } => {
            let hs: Vec<String> = handlers
                .iter()
                .map(|h| {
                    format!(
                        "except {}{} {}",
                        h.typ.as_ref().map_or(String::new(), expr),
                        h.name
                            .as_ref()
                            .map_or(String::new(), |n| format!(" as {n}")),
                        body(&h.body)
                    )
                })
                .collect();
            format!(
                "Try({} {} else {} finally {})",
                body(b),
                hs.join(" "),
                body(orelse),
                body(finalbody)
            )
        }
        StmtKind::Assert { test, msg } => format!(
            "Assert({}{})",
            expr(test),
            msg.as_ref()
                .map_or(String::new(), |m| format!(", {}", expr(m)))
        ),
        StmtKind::Import(names) => format!("Import({})", aliases(names)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => {
            format!(
                "From({}{} import {})",
                ".".repeat(*level as usize),
                module.as_deref().unwrap_or(""),
                aliases(names)
            )
        }
        StmtKind::Global(ns) => format!("Global({})", ns.join(", ")),
        StmtKind::Nonlocal(ns) => format!("Nonlocal({})", ns.join(", ")),
        StmtKind::Expr(e) => expr(e),
        StmtKind::Pass => "Pass".into(),
        StmtKind::Break => "Break".into(),
        StmtKind::Continue => "Continue".into(),
        StmtKind::Match { subject, cases } => {
            let cs: Vec<String> = cases
                .iter()
                .map(|c| {
                    let guard = c.guard.as_ref().map(|g| format!(" if {}", expr(g)));
                    let body: Vec<String> = c.body.iter().map(stmt).collect();
                    format!(
                        "case {}{}: [{}]",
                        pattern(&c.pattern),
                        guard.unwrap_or_default(),
                        body.join("; ")
                    )
                })
                .collect();
            format!("Match({} [{}])", expr(subject), cs.join("; "))
        }
        StmtKind::Unsupported(what) => format!("Unsupported({what})"),
    }
}

/// `n!` a capture, `_` the wildcard, `(p as n!)`, `(p | q)`, `[..]` any
/// sequence, `{k: p, **r!}`, `C(p, a=q)`.
pub fn pattern(p: &Pattern) -> String {
    let list = |ps: &[Pattern]| ps.iter().map(pattern).collect::<Vec<_>>();
    match &p.kind {
        PatternKind::Value(e) => expr(e),
        PatternKind::Singleton(c) => format!("{c:?}"),
        PatternKind::Sequence(ps) => format!("[{}]", list(ps).join(", ")),
        PatternKind::Star(n) => format!("*{}", n.as_ref().map_or("_".into(), |n| format!("{n}!"))),
        PatternKind::Mapping {
            keys,
            patterns,
            rest,
        } => {
            let mut parts: Vec<String> = keys
                .iter()
                .zip(patterns)
                .map(|(k, p)| format!("{}: {}", expr(k), pattern(p)))
                .collect();
            parts.extend(rest.iter().map(|r| format!("**{r}!")));
            format!("{{{}}}", parts.join(", "))
        }
        PatternKind::Class {
            cls,
            patterns,
            kwd_attrs,
            kwd_patterns,
        } => {
            let mut parts = list(patterns);
            parts.extend(
                kwd_attrs
                    .iter()
                    .zip(kwd_patterns)
                    .map(|(a, p)| format!("{a}={}", pattern(p))),
            );
            format!("{}({})", expr(cls), parts.join(", "))
        }
        PatternKind::As {
            pattern: None,
            name,
        } => name.as_ref().map_or("_".into(), |n| format!("{n}!")),
        PatternKind::As {
            pattern: Some(p),
            name,
        } => {
            let n = name.as_ref().map_or("_".into(), |n| format!("{n}!"));
            format!("({} as {n})", pattern(p))
        }
        PatternKind::Or(ps) => format!("({})", list(ps).join(" | ")),
    }
}

fn aliases(names: &[Alias]) -> String {
    names
        .iter()
        .map(|a| match &a.asname {
            Some(n) => format!("{} as {}", a.name, n),
            None => a.name.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn module(src: &str) -> String {
    let m = crate::parse::parse_module(src).unwrap_or_else(|e| panic!("{e:?}\n{src}"));
    m.body.iter().map(stmt).collect::<Vec<_>>().join("\n")
}
