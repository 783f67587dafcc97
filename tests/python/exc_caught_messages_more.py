# features: builtin exception messages (calls, iteration, hashing, operators, builtins arguments), caught and printed
five, nothing, flt, key = 5, None, 1.0, "x"


def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: ~1.5)
show(lambda: abs("x"))
show(lambda: sum(["a", "b"]))
show(lambda: max([]))
show(lambda: min())
show(lambda: chr(-1))
show(lambda: ord("ab"))
show(lambda: range(1.5))
show(lambda: [1, 2, 3][flt])
show(lambda: "abc"[key])
show(lambda: 2 ** -1 % 0)
show(lambda: round("x"))
show(lambda: sorted([3, "a"]))
show(lambda: "x".join([1]))
show(lambda: dict([1, 2]))
show(lambda: list(1))
show(lambda: tuple(None))
show(lambda: 10 ** 400 * 1.0)
show(lambda: float(10 ** 400))
show(lambda: __import__("nosuchmodule_xyz"))
show(lambda: bytes("x"))
show(lambda: object().x)
show(lambda: getattr(1, "y"))
show(lambda: isinstance(1, 1))
show(lambda: issubclass(1, int))
show(lambda: "%d" % "x")
show(lambda: "{}".format())
show(lambda: print(sep=1))
show(lambda: "abc".split(1))
show(lambda: int("5", 99))
