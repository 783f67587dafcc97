# features: str repr, quote choice, escapes
samples = [
    "plain",
    "it's",
    'say "hi"',
    "both ' and \"",
    "back\\slash",
    "new\nline",
    "tab\there",
    "cr\rhere",
    "nul\x00byte",
    "bell\x07 esc\x1b del\x7f",
    "",
    " ",
    "'",
    '"',
    "'\"",
    "\\n is not a newline",
]
for s in samples:
    print(repr(s), len(s))
print(samples[:3])
print(("it's", 'a "b"'))
print({"key'": "val\"ue"})
print(repr(repr("x")), repr(repr("it's")))
print(str("a'b"), "%r" % "a'b", f"{'q'!r}")
print(repr("\x01\x02\x1f"), repr("\x80\x9f"), repr("\xa0\xad\xff"))
print(repr("\t\n\r\v\f"))
print(["\\"], "\\")
print(repr("line1\nline2"), "line1\nline2")
raw = r"C:\new\table"
print(raw, repr(raw), len(raw))
