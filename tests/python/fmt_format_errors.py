# features: format errors, ValueError messages, TypeError messages, caught
cases = [
    ("{:d}", 1.5),
    ("{:s}", 5),
    ("{:.2}", 5),
    ("{:,_}", 5),
    ("{:+}", "s"),
    ("{:=}", "s"),
    ("{:#}", "s"),
    ("{:.}", 1.0),
    ("{:x}", "s"),
    ("{:c}", -1),
    ("{:abc}", 5),
    ("{:,x}", 5),
    ("{:z}", 5),
    ("{:>5}", None),
    ("{:d}", [1]),
    ("{0}{}", 1),
    ("{}{0}", 1),
    ("{", 1),
    ("}", 1),
    ("{0!x}", 1),
    ("{5}", 1),
    ("{name}", 1),
    ("{0.nope}", 1),
    ("{0[5]}", [1]),
    ("{0:{1:{2}}}", 1),
]
for fmt, val in cases:
    try:
        print(repr(fmt), "->", repr(fmt.format(val)))
    except Exception as e:
        print(repr(fmt), "->", type(e).__name__, e)
for spec in ["d", "f", "s", "%", "x", "n", "5.2", ",", "_"]:
    for v in [10, 2.5, "t"]:
        try:
            print(spec, repr(v), repr(format(v, spec)))
        except Exception as e:
            print(spec, repr(v), type(e).__name__, e)
for f, a in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%y", 1), ("%(k)s", {}), ("%(k)s", 5), ("%c", "ab"), ("%x", 1.5), ("%", ()), ("%*d", ("a", 1))]:
    try:
        print(repr(f), repr(f % a))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
