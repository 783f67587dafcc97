# features: builtin exception messages (arithmetic, indexing, lookup, conversion), caught and printed
five, nothing, flt, key = 5, None, 1.0, "x"


def show(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: 1 / 0)
show(lambda: 1 // 0)
show(lambda: 1 % 0)
show(lambda: 1.0 / 0)
show(lambda: divmod(1, 0))
show(lambda: [1, 2][3])
show(lambda: (1,)[5])
show(lambda: "ab"[9])
show(lambda: {"a": 1}["b"])
show(lambda: {1: 2}[(1, 2)])
show(lambda: int("x"))
show(lambda: float("y"))
show(lambda: [].index(1))
show(lambda: None + 1)
show(lambda: "a" - "b")
show(lambda: [1] < "a")
show(lambda: len(5))
show(lambda: five())
show(lambda: nothing())
show(lambda: iter(5))
show(lambda: next(iter([])))
show(lambda: {}.nope)
show(lambda: undefined_name)
show(lambda: int.nope)
show(lambda: hash([]))
show(lambda: {[]: 1})
show(lambda: (1, 2) + [3])
show(lambda: [1] * [2])
show(lambda: -"a")
