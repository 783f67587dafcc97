//! Source → tree for each construct, in a compact `ast.dump`-like form
//! (see `dump.rs`: `!` marks Store, `~` Del; `F[...]` is an f-string).

use super::dump::{expr, module};
use crate::ast::*;
use crate::parse::*;

#[rustfmt::skip]
const CASES: &[(&str, &str)] = &[
    ("a + b * c - d / e // f % g ** -h", "Sub(Add(a, Mult(b, c)), Mod(FloorDiv(Div(d, e), f), Pow(g, USub(h))))"),
    ("a | b ^ c & d << e >> f @ g", "BitOr(a, BitXor(b, BitAnd(c, RShift(LShift(d, e), MatMult(f, g)))))"),
    ("not a and b or c and not d", "Or(And(Not(a), b), And(c, Not(d)))"),
    ("a < b <= c != d in e not in f is g is not h", "Compare(a Lt b LtE c NotEq d In e NotIn f Is g IsNot h)"),
    ("-x ** 2", "USub(Pow(x, 2))"),
    ("2 ** -x ** y", "Pow(2, USub(Pow(x, y)))"),
    ("x if y else z if w else v", "IfExp(x if y else IfExp(z if w else v))"),
    ("lambda: 0", "Lambda(: 0)"),
    ("lambda a, b=1, *c, d, e=2, **f: a", "Lambda(a, b=1, *c, d, e=2, **f: a)"),
    ("(x := 10)", "Walrus(x!, 10)"),
    ("[1, *a, (2, 3), {4}, {5: 6, **m}, (), []]", "List[1, *a, Tuple(2, 3), Set(4), Dict(5: 6, **m), Tuple(), List[]]"),
    ("(1,)", "Tuple(1)"),
    ("def f(): return (yield)", "Def(f() [Return(Yield())])"),
    ("f(a, *b, c=1, **d)", "Call(f, [a, *b, c=1, **d])"),
    ("f(x for x in y)", "Call(f, [GenExp(x for x! in y)])"),
    ("obj.attr.method(arg)[0]", "Call(obj.attr.method, [arg])[0]"),
    ("a[1:2, ::3]", "a[Tuple(Slice(1:2:), Slice(::3))]"),
    ("a[1:]", "a[Slice(1::)]"),
    ("a[:, None]", "a[Tuple(Slice(::), None)]"),
    ("a[*b]", "a[Tuple(*b)]"),
    ("a[...]", "a[...]"),
    ("[i * j for i in range(3) for j in range(4) if i if j]", "ListComp(Mult(i, j) for i! in Call(range, [3]) for j! in Call(range, [4]) if i if j)"),
    ("{k: v for k, v in d.items()}", "DictComp(k: v for Tuple(k!, v!)! in Call(d.items, []))"),
    ("{x for x in y}", "SetComp(x for x! in y)"),
    ("(x for x in y if x)", "GenExp(x for x! in y if x)"),
    ("\"a\" 'b' \"\"\"c\"\"\"", "\"abc\""),
    ("b\"x\" rb\"\\d\" B\"y\"", "b\"x\\\\dy\""),
    ("\"\\x41\\n\\t\\\\\\u00e9\\101\\N{BULLET}\"", "\"A\\n\\t\\\\éA•\""),
    ("r\"\\n\"", "\"\\\\n\""),
    ("f\"{x}\"", "F[{x}]"),
    ("f\"a{b!r}c{d:>{w}.{p}f}e\"", "F[\"a\" {b!r} \"c\" {d:[\">\" {w} \".\" {p} \"f\"]} \"e\"]"),
    ("f\"{x=}\"", "F[{x dbg=\"x=\"!r}]"),
    ("f\"{x = !s}\"", "F[{x dbg=\"x = \"!s}]"),
    ("f\"{{}}\" \"lit\" f'{y:%Y}'", "F[\"{}lit\" {y:[\"%Y\"]}]"),
    ("f\"{'a' if x else 'b'}\"", "F[{IfExp(\"a\" if x else \"b\")}]"),
    ("0xFF + 0o17 + 0b101 + 1_000 + 1.5e-3 + 3j + .5 + 1.", "Add(Add(Add(Add(Add(Add(Add(255, 15), 5), 1000), 0.0015), 3.0j), 0.5), 1.0)"),
    ("123456789012345678901234567890", "big:123456789012345678901234567890"),
    ("0xFFFFFFFFFFFFFFFFFFFF", "big:1208925819614629174706175"),
    ("True, False, None, ...", "Tuple(True, False, None, ...)"),
    ("x = y = 1", "Assign(x!, y! = 1)"),
    ("a, *b = c", "Assign(Tuple(a!, *b!!)! = c)"),
    ("(a, b), [c, d] = e", "Assign(Tuple(Tuple(a!, b!)!, List[c!, d!]!)! = e)"),
    ("x: int = 1", "AnnAssign(x!: int = 1)"),
    ("(x): int", "AnnAssign(x!: int not-simple)"),
    ("a.b: \"T\" = c", "AnnAssign(a.b!: \"T\" = c not-simple)"),
    ("x += 1", "AugAssign(x! Add= 1)"),
    ("a[0] //= 2", "AugAssign(a[0]! FloorDiv= 2)"),
    ("del a, b[0], c.d", "Del(a~, b[0]~, c.d~)"),
    ("assert x, \"msg\"", "Assert(x, \"msg\")"),
    ("raise E from e", "Raise(E from e)"),
    ("raise", "Raise()"),
    ("return_ = 1", "Assign(return_! = 1)"),
    ("global a, b", "Global(a, b)"),
    ("import os.path as p, sys", "Import(os.path as p, sys)"),
    ("from . import x", "From(. import x)"),
    ("from ..a.b import (c as d, e,)", "From(..a.b import c as d, e)"),
    ("from .... import z", "From(.... import z)"),
    ("from x import *", "From(x import *)"),
    ("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass", "If(a [Pass] else [If(b [Pass] else [Pass])])"),
    ("while x:\n    break\nelse:\n    continue_ = 1", "While(x [Break] else [Assign(continue_! = 1)])"),
    ("for i, (j, k) in enumerate(z):\n    continue", "For(Tuple(i!, Tuple(j!, k!)!)! in Call(enumerate, [z]) [Continue] else [])"),
    ("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass", "Try([Pass] except Tuple(A, B) as e [Pass] except C [Pass] except  [Pass] else [Pass] finally [Pass])"),
    ("with a as b, c as (d, e):\n    pass", "With(a as b!, c as Tuple(d!, e!)! [Pass])"),
    ("with (a as b, c):\n    pass", "With(a as b!, c [Pass])"),
    ("with (a, b):\n    pass", "With(a, b [Pass])"),
    ("with (a, b) as c:\n    pass", "With(Tuple(a, b) as c! [Pass])"),
    ("@dec\n@dec2(1)\ndef f(a, /, b: int = 2, *args: str, c, **kw) -> None:\n    \"\"\"doc\"\"\"\n    return a", "Def(@dec @Call(dec2, [1]) f(a, /, b:int=2, *args:str, c, **kw) -> None [\"doc\"; Return(a)])"),
    ("class A(B, C, metaclass=M, **kw):\n    x: int\n    def f(self): ...", "Class(A(B, C, metaclass=M, **=kw) [AnnAssign(x!: int); Def(f(self) [...])])"),
    ("def g():\n    x = yield\n    y = yield from z\n    yield 1, 2", "Def(g() [Assign(x! = Yield()); Assign(y! = YieldFrom(z)); Yield(Tuple(1, 2))])"),
    ("def h():\n    nonlocal_ = 1\n    def i():\n        nonlocal nonlocal_", "Def(h() [Assign(nonlocal_! = 1); Def(i() [Nonlocal(nonlocal_)])])"),
    ("x = 1; y = 2;", "Assign(x! = 1)\nAssign(y! = 2)"),
    ("async def f():\n    await x", "Unsupported(async functions)"),
    ("async def f():\n    async for a in b:\n        pass\n    async with c:\n        pass", "Unsupported(async functions)"),
    ("match x:\n    case 1:\n        pass", "Match(x [case 1: [Pass]])"),
    ("match a, *b:\n    case [1, *r] | (2, *r) if r:\n        pass\n    case {\"k\": v, **rest}:\n        pass\n    case P(0, y=Q() as q):\n        pass\n    case m.C.D | -1 | 1 - 2j | _:\n        pass",
     "Match(Tuple(a, *b) [case ([1, *r!] | [2, *r!]) if r: [Pass]; case {\"k\": v!, **rest!}: [Pass]; case P(0, y=(Q() as q!)): [Pass]; case (m.C.D | USub(1) | Sub(1, 2.0j) | _): [Pass]])"),
    ("match x:\n    case ():\n        pass\n    case (y):\n        pass", "Match(x [case []: [Pass]; case y!: [Pass]])"),
    ("match = case = type = _ = 1\nmatch(x)\nmatch[0]\nmatch.y = 2", "Assign(match!, case!, type!, _! = 1)\nCall(match, [x])\nmatch[0]\nAssign(match.y! = 2)"),
    ("try:\n    pass\nexcept* E:\n    pass", "Unsupported(except* (exception groups))"),
    ("print(*args, sep=\"\", end=\"\\n\")", "Call(print, [*args, sep=\"\", end=\"\\n\"])"),
    ("Mapped[\"User\"]", "Mapped[\"User\"]"),
];

#[test]
fn structures() {
    for (src, want) in CASES {
        assert_eq!(&module(src), want, "for {src:?}");
    }
}

#[test]
fn eval_expressions() {
    let e = parse_expression("Parent.id == Child.parent_id").unwrap();
    assert_eq!(expr(&e), "Compare(Parent.id Eq Child.parent_id)");
    let e = parse_expression("  Mapped['User']\n\n").unwrap();
    assert_eq!(expr(&e), "Mapped[\"User\"]");
    let e = parse_expression("and_(A.x == 1, B.y != None)").unwrap();
    assert_eq!(
        expr(&e),
        "Call(and_, [Compare(A.x Eq 1), Compare(B.y NotEq None)])"
    );
    let e = parse_expression("1, 2").unwrap();
    assert_eq!(expr(&e), "Tuple(1, 2)");
    // eval input takes no starred items, and no statements.
    assert_eq!(parse_expression("*a, b").unwrap_err().msg, "invalid syntax");
    assert_eq!(parse_expression("x = 1").unwrap_err().col, 3);
    let e = parse_expression("\n x").unwrap_err();
    assert_eq!(
        (e.kind, e.msg.as_str()),
        (SyntaxErrorKind::IndentationError, "unexpected indent")
    );
}

#[test]
fn docstring_and_constants_are_plain_nodes() {
    let m = parse_module("'''doc'''\nx = -1\n").unwrap();
    assert!(
        matches!(&m.body[0].kind, StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. }) if &**s == "doc")
    );
    // `-1` is a unary minus applied to 1, as in CPython's ast.
    assert_eq!(module("x = -1"), "Assign(x! = USub(1))");
}

#[test]
fn strings_in_fstring_fields() {
    // A nested string may not reuse the enclosing quote in 3.11.
    assert!(parse_module("f\"{x[\"a\"]}\"").is_err());
    assert_eq!(module("f\"{x['a']}\""), "F[{x[\"a\"]}]");
    assert_eq!(module("f'{a!r:{b}}'"), "F[{a!r:[{b}]}]");
    assert_eq!(module("f''"), "F[]");
}

#[test]
fn line_endings_bom_and_form_feed() {
    let src = "\u{feff}x = 1\r\nif x:\r\n    s = '''a\r\nb'''\r\n\x0c\r\ny = 2";
    assert_eq!(
        module(src),
        "Assign(x! = 1)\nIf(x [Assign(s! = \"a\\nb\")] else [])\nAssign(y! = 2)"
    );
    let m = parse_module("x = (1 +\\\n     2)\nz = 3 \\\n  + 4\n").unwrap();
    assert_eq!(m.body[1].span.line, 3);
    assert_eq!((m.body[1].span.end_line, m.body[1].span.end_col), (4, 5));
}

#[test]
fn unsupported_constructs_keep_their_span() {
    let m = parse_module("async def f():\n    await g()\nx = 1\n").unwrap();
    assert_eq!(m.body[0].kind, StmtKind::Unsupported("async functions"));
    assert_eq!((m.body[0].span.line, m.body[0].span.end_line), (1, 2));
}

#[test]
fn real_world_forms_from_cpython_sources() {
    assert_eq!(module("f(*[] or [2])"), "Call(f, [*Or(List[], List[2])])");
    assert_eq!(
        module("class A(0, *r, **d, foo='bar'): pass"),
        "Class(A(0, *r, **=d, foo=\"bar\") [Pass])"
    );
    assert_eq!(
        module("def f(*args: *Ts): pass"),
        "Def(f(*args:*Ts) [Pass])"
    );
    assert_eq!(
        module("match w := x,:\n    case y: pass"),
        "Match(Tuple(Walrus(w!, x)) [case y!: [Pass]])"
    );
    assert!(parse_module("class A:\n    def f(self):\n        nonlocal __class__\n").is_ok());
    assert!(parse_module("x\u{301} = 1\n").is_ok()); // combining accent in a name
}
