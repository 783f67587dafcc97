//! Bad inputs with the error CPython 3.11.7 reports for them: exception
//! class, message, `lineno` and `offset`. Recorded by running `python3`
//! (`compile(src, "x.py", "exec")`) on each source.

use crate::parse::*;

#[rustfmt::skip]
const CASES: &[(&str, &str, &str, u32, u32)] = &[
    ("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
    ("if x:\n  a\n b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 3),
    ("  x\n", "IndentationError", "unexpected indent", 1, 2),
    ("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5),
    ("f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
    ("1 = 2\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
    ("x = a b\n", "SyntaxError", "invalid syntax", 1, 7),
    ("print \"x\"\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("x = \u{a0}\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 5),
    ("x = ?\n", "SyntaxError", "invalid syntax", 1, 5),
    ("x = $\n", "SyntaxError", "invalid syntax", 1, 5),
    ("x = \"abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
    ("x = \"\"\"abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
    ("x = )\n", "SyntaxError", "unmatched ')'", 1, 5),
    ("x = (]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
    ("x = (\n\n]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 3, 1),
    ("return 1\n", "SyntaxError", "'return' outside function", 1, 1),
    ("x = \\ y\n", "SyntaxError", "unexpected character after line continuation character", 1, 6),
    ("x = 1 +\\", "SyntaxError", "unexpected EOF while parsing", 1, 9),
    ("if x:\n\ty\n        z\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("0777\n", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
    ("0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 2),
    ("1__0\n", "SyntaxError", "invalid decimal literal", 1, 2),
    ("f(a b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 3),
    ("def f(:\n  pass\n", "SyntaxError", "invalid syntax", 1, 7),
    ("class A\n", "SyntaxError", "expected ':'", 1, 8),
    ("for x in y\n  pass\n", "SyntaxError", "expected ':'", 1, 11),
    ("    x\n", "IndentationError", "unexpected indent", 1, 4),
    ("a\n    x = 1\n", "IndentationError", "unexpected indent", 2, 4),
    ("if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4),
    ("if x:\n        a\n    b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 6),
    ("if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6),
    ("if x:\n\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
    ("if x:\n# c\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 4),
    ("if x:\n  a\nelse:\nb\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1),
    ("def f():\nreturn", "IndentationError", "expected an indented block after function definition on line 1", 2, 1),
    ("if x:\n\ta\n  \tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n  \ta\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("if x:\n        a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1),
    ("x = (1,\ny = 2\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("x = (1,\ny = 2 3\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("foo(\n", "SyntaxError", "'(' was never closed", 1, 4),
    ("x = [1,\n  2\n", "SyntaxError", "'[' was never closed", 1, 5),
    ("x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8),
    ("x = (\n1 +\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("\"\\N{foo}\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name", 1, 10),
    ("\"\\x1\"", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 6),
    ("b\"\u{e9}\"", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1),
    ("\"abc\" b\"x\"", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 11),
    ("while x:\n  pass\nelse:\n  break\n", "SyntaxError", "'break' outside loop", 4, 3),
    ("x = f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13),
    ("x = f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 10),
    ("x = f\"{x\"", "SyntaxError", "f-string: expecting '}'", 1, 10),
    ("x = f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 9),
    ("x = f\"{a\\n}\"", "SyntaxError", "f-string expression part cannot include a backslash", 1, 13),
    ("x = f\"{#}\"", "SyntaxError", "f-string expression part cannot include '#'", 1, 11),
    ("y = 1\nx = f\"{a b}\"", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 2),
    ("if x:", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6),
    ("x = (", "SyntaxError", "'(' was never closed", 1, 5),
    ("x = \"a", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
    ("0b12", "SyntaxError", "invalid digit '2' in binary literal", 1, 4),
    ("0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 3),
    ("1e", "SyntaxError", "invalid decimal literal", 1, 1),
    ("1.5.3", "SyntaxError", "invalid syntax", 1, 4),
    ("0_7", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 1),
    ("x = 5abc", "SyntaxError", "invalid decimal literal", 1, 5),
    ("x=1.2.3", "SyntaxError", "invalid syntax", 1, 6),
    ("x = 1.__class__", "SyntaxError", "invalid decimal literal", 1, 6),
    ("x = 0b", "SyntaxError", "invalid binary literal", 1, 6),
    ("x = 1_", "SyntaxError", "invalid decimal literal", 1, 6),
    ("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12),
    ("def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7),
    ("def f(*, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 7),
    ("def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12),
    ("def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
    ("if x = 1:\n  pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
    ("if f() = 1:\n  pass", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4),
    ("x = f() = 1", "SyntaxError", "cannot assign to function call", 1, 5),
    ("[a, f()] = 1", "SyntaxError", "cannot assign to function call", 1, 5),
    ("True = 1", "SyntaxError", "cannot assign to True", 1, 1),
    ("a + 1 = 2", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
    ("f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
    ("f(True=1)", "SyntaxError", "cannot assign to True", 1, 3),
    ("f(**k, *a)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
    ("f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9),
    ("f(**k, b)", "SyntaxError", "positional argument follows keyword argument unpacking", 1, 9),
    ("f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
    ("f(1, x for x in y)", "SyntaxError", "Generator expression must be parenthesized", 1, 6),
    ("for f() in x: pass", "SyntaxError", "cannot assign to function call", 1, 5),
    ("with a as f(): pass", "SyntaxError", "cannot assign to function call", 1, 11),
    ("del f()", "SyntaxError", "cannot delete function call", 1, 5),
    ("del *a", "SyntaxError", "cannot delete starred", 1, 5),
    ("f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1),
    ("(a, b): int", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1),
    ("x = yield = 1", "SyntaxError", "assignment to yield expression not possible", 1, 5),
    ("try:\n  pass\nx = 1", "SyntaxError", "expected 'except' or 'finally' block", 3, 1),
    ("try:\n  pass\nexcept A, B:\n  pass", "SyntaxError", "multiple exception types must be parenthesized", 3, 8),
    ("from x import a,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17),
    ("import a.b as", "SyntaxError", "invalid syntax", 1, 14),
    ("x = 1 if y", "SyntaxError", "expected 'else' after 'if' expression", 1, 5),
    ("x = 1 if y else", "SyntaxError", "invalid syntax", 1, 16),
    ("def f(/): pass", "SyntaxError", "invalid syntax", 1, 7),
    ("lambda x=1, y: 0", "SyntaxError", "non-default argument follows default argument", 1, 13),
    ("a.b := 1", "SyntaxError", "cannot use assignment expressions with attribute", 1, 1),
    ("if x y:\n  pass", "SyntaxError", "invalid syntax", 1, 6),
    ("while x\n  pass", "SyntaxError", "expected ':'", 1, 8),
    ("def f()\n  pass", "SyntaxError", "expected ':'", 1, 8),
    ("class A(B:\n  pass", "SyntaxError", "invalid syntax", 1, 10),
    ("else:\n  pass", "SyntaxError", "invalid syntax", 1, 1),
    ("x = (1 2)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
    ("x = [1, 2 3]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
    ("x = {1: 2 3: 4}", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 9),
    ("f(a, b c)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6),
    ("for x in y z:\n pass", "SyntaxError", "invalid syntax", 1, 12),
    ("def f() x:\n pass", "SyntaxError", "expected ':'", 1, 9),
    ("def f:\n pass", "SyntaxError", "expected '('", 1, 6),
    ("try x:\n pass", "SyntaxError", "expected ':'", 1, 5),
    ("with a b:\n pass", "SyntaxError", "invalid syntax", 1, 8),
    ("with a\n pass", "SyntaxError", "expected ':'", 1, 7),
    ("class A x:\n pass", "SyntaxError", "invalid syntax", 1, 9),
    ("try:\n pass\nfinally x:\n pass", "SyntaxError", "expected ':'", 3, 9),
    ("if a:\n pass\nelse x:\n pass", "SyntaxError", "expected ':'", 3, 6),
    ("if a:\n pass\nelse\n pass", "SyntaxError", "expected ':'", 3, 5),
    ("try:\n pass\nexcept A x:\n pass", "SyntaxError", "invalid syntax", 3, 10),
    ("try:\n pass\nexcept A\n pass", "SyntaxError", "expected ':'", 3, 9),
    ("try:\n pass\nexcept\n pass", "SyntaxError", "expected ':'", 3, 7),
    ("if a:\n pass\nelif b\n pass", "SyntaxError", "expected ':'", 3, 7),
    ("class A:\npass", "IndentationError", "expected an indented block after class definition on line 1", 2, 1),
    ("try:\nx", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1),
    ("try:\n x\nexcept:\ny", "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1),
    ("try:\n x\nfinally:\ny", "IndentationError", "expected an indented block after 'finally' statement on line 3", 4, 1),
    ("while 1:\nx", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1),
    ("for x in y:\nx", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1),
    ("with a:\nx", "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1),
    ("if a:\n x\nelif b:\ny", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1),
    ("async def f():\nx", "IndentationError", "expected an indented block after function definition on line 1", 2, 1),
    ("@d\nx = 1", "SyntaxError", "invalid syntax", 2, 1),
    ("x = (\n1,\n2\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("x = [1, 2\ny = 3\n", "SyntaxError", "'[' was never closed", 1, 5),
    ("f(\nx = 1\ny = 2)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 2, 5),
    ("def f(:\n pass\nx = (", "SyntaxError", "invalid syntax", 1, 7),
    ("x = 1 2\ny = \"abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5),
    ("x = (1 2\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("def f():\n  nonlocal x\n", "SyntaxError", "no binding for nonlocal 'x' found", 2, 3),
    ("nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1),
    ("x=1\nreturn 2\nnonlocal y\n", "SyntaxError", "nonlocal declaration not allowed at module level", 3, 1),
    ("class A:\n  yield 1\n", "SyntaxError", "'yield' outside function", 2, 3),
    ("def f():\n  class A:\n    return 1\n", "SyntaxError", "'return' outside function", 3, 5),
    ("for x in y:\n  def f():\n    break\n", "SyntaxError", "'break' outside loop", 3, 5),
    ("x = [(yield) for i in y]\n", "SyntaxError", "'yield' inside list comprehension", 1, 7),
    ("x = lambda: (yield)\nawait x\n", "SyntaxError", "'await' outside function", 2, 1),
    ("x = f\"{x!z}\"", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 13),
    ("x = f\"{}\"", "SyntaxError", "f-string: empty expression not allowed", 1, 10),
    ("x = f\"{x\"", "SyntaxError", "f-string: expecting '}'", 1, 10),
    ("x = f\"}\"", "SyntaxError", "f-string: single '}' is not allowed", 1, 9),
    ("x = f\"{a b}\"", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2),
    ("x = f\"{x:{y:{z}}}\"", "SyntaxError", "f-string: expressions nested too deeply", 1, 19),
    ("print \"hello\"", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("print x", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
    ("exec \"code\"", "SyntaxError", "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1),
    ("x = 1\nprint \"a\", x\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 2, 1),
    ("if x:\n    print \"yes\"\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 2, 5),
    ("x = \u{e9}\u{e9} + \u{e2}\u{80}\u{a6}", "SyntaxError", "invalid non-printable character U+0080", 1, 11),
    ("x = \u{e2}\u{80}\u{9c}hi\u{e2}\u{80}\u{9d}", "SyntaxError", "invalid non-printable character U+0080", 1, 6),
    ("x = 1 \u{c2}\u{a0}+ 2", "SyntaxError", "invalid non-printable character U+00A0", 1, 8),
    ("def f():\n    return\nreturn", "SyntaxError", "'return' outside function", 3, 1),
    ("def f():\n    yield\nyield 1", "SyntaxError", "'yield' outside function", 3, 1),
    ("for x in y:\n    pass\ncontinue", "SyntaxError", "'continue' not properly in loop", 3, 1),
    ("class A:\n    break", "SyntaxError", "'break' outside loop", 2, 5),
    ("x = [y for y in z if (yield)]", "SyntaxError", "'yield' inside list comprehension", 1, 23),
    ("*a = 1", "SyntaxError", "starred assignment target must be in a list or tuple", 1, 1),
    ("a, *b, *c = d", "SyntaxError", "multiple starred expressions in assignment", 1, 1),
    ("x = *a", "SyntaxError", "can't use starred expression here", 1, 5),
    ("f(**a, *b)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8),
    ("del f(), g", "SyntaxError", "cannot delete function call", 1, 5),
    ("(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1),
    ("[a, b]: int", "SyntaxError", "only single target (not list) can be annotated", 1, 1),
    ("def f(a, a): pass", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10),
    ("lambda a, a: 0", "SyntaxError", "duplicate argument 'a' in function definition", 1, 11),
    ("x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12),
    ("x = {1: *a}", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 9),
    ("x = {1:}", "SyntaxError", "expression expected after dictionary key and ':'", 1, 7),
    ("def f(x=): pass", "SyntaxError", "expected default value expression", 1, 8),
    ("x = 0o19", "SyntaxError", "invalid digit '9' in octal literal", 1, 8),
    ("x = 0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 7),
    ("x = 1e+", "SyntaxError", "invalid decimal literal", 1, 7),
    ("x = 1_000_", "SyntaxError", "invalid decimal literal", 1, 10),
    ("x = 5j_", "SyntaxError", "invalid imaginary literal", 1, 6),
    ("def f(*, **k): pass", "SyntaxError", "named arguments must follow bare *", 1, 7),
    ("def f(**k, *a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12),
    ("f(a for a in b, c)", "SyntaxError", "Generator expression must be parenthesized", 1, 3),
    ("with open(x) as f, open(y) as f():\n    pass", "SyntaxError", "cannot assign to function call", 1, 31),
    ("if True:\n    x = 1\n   y = 2", "IndentationError", "unindent does not match any outer indentation level", 3, 9),
    ("  # comment\nx = 1\n    y = 2", "IndentationError", "unexpected indent", 3, 4),
    ("x = (1,\n     2,\n     3\n\ny = 4\n", "SyntaxError", "'(' was never closed", 1, 5),
    ("s = '''abc\ndef\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
    ("s = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
    ("s = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5),
    ("x = [1, 2, 3)\n", "SyntaxError", "closing parenthesis ')' does not match opening parenthesis '['", 1, 13),
    ("x = {'a': 1]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '{'", 1, 12),
    ("foo())\n", "SyntaxError", "unmatched ')'", 1, 6),
    ("x = \u{2026}\n", "SyntaxError", "invalid character '\u{2026}' (U+2026)", 1, 5),
    ("x = \u{201c}hi\u{201d}\n", "SyntaxError", "invalid character '\u{201c}' (U+201C)", 1, 5),
    ("x = 1 \u{a0}+ 2\n", "SyntaxError", "invalid non-printable character U+00A0", 1, 7),
    ("na\u{ef}ve = 1\nprint(na\u{ef}ve $)\n", "SyntaxError", "invalid syntax", 2, 13),
    ("s = '\u{e9}' + b'\u{e9}'\n", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 11),
    ("# \u{e9}\nx = (\u{e9}\n", "SyntaxError", "'(' was never closed", 2, 5),
    ("x = 1\nif x:\n\tprint('tab')\n        print('spaces')\n", "TabError", "inconsistent use of tabs and spaces in indentation", 4, 1),
    ("x = \u{2018}a\u{2019}\n", "SyntaxError", "invalid character '\u{2018}' (U+2018)", 1, 5),
];

#[test]
fn errors_match_cpython() {
    let mut failures = Vec::new();
    for &(src, kind, msg, line, col) in CASES {
        match parse_module(src) {
            Ok(_) => failures.push(format!("{src:?}: parsed, expected {kind}: {msg}")),
            Err(e) => {
                let got = (e.kind.name(), e.msg.as_str(), e.line, e.col);
                if got != (kind, msg, line, col) {
                    failures.push(format!(
                        "{src:?}:\n   want {:?}\n   got  {:?}",
                        (kind, msg, line, col),
                        got
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn null_bytes() {
    // `python3 file.py` wording (compile() says "source code string ...").
    let e = parse_module("x = 1\ny = '\0'\n").unwrap_err();
    assert_eq!(
        (e.msg.as_str(), e.line),
        ("source code cannot contain null bytes", 2)
    );
}

#[test]
fn error_text_and_display() {
    let e = parse_module("x = 1\nprint \"hi\"\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?"
    );
    assert_eq!((e.line, e.col, e.end_line, e.end_col), (2, 1, 2, 11));
    assert_eq!(e.text.as_deref(), Some("print \"hi\""));
    let e = parse_module("if x:\npass\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "IndentationError: expected an indented block after 'if' statement on line 1"
    );
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
}

#[test]
fn expression_errors() {
    let e = parse_expression("Parent.id == ").unwrap_err();
    assert_eq!((e.msg.as_str(), e.line), ("invalid syntax", 1));
    let e = parse_expression("a b").unwrap_err();
    assert_eq!(e.msg, "invalid syntax");
    assert!(parse_expression("x = 1").is_err());
}
