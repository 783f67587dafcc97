# features: generator close/finally, yield from delegating throw() and close(), dropping a suspended generator runs its finally, GeneratorExit
def rows(name):
    print(f"open {name}")
    try:
        for i in range(3):
            yield f"{name}{i}"
    except GeneratorExit:
        print(f"GeneratorExit in {name}")
        raise
    finally:
        print(f"close {name}")


def paged():
    try:
        total = yield from rows("p")
        print("total", total)
    finally:
        print("paged finally")


g = rows("a")
print(next(g), next(g))
g.close()
print("after close", list(g))

g = paged()
print(next(g))
g.close()

g = paged()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)


def first(it):
    for x in it:
        return x


print(first(rows("b")))
print("after first")

g = rows("c")
next(g)
g = None
print("after drop")


def counter():
    n = 0
    while True:
        try:
            cmd = yield n
        except ValueError as e:
            print("reset on", e)
            n = 0
            continue
        if cmd == "stop":
            return n
        n += 1


def runner():
    result = yield from counter()
    print("counter returned", result)
    yield "end"


r = runner()
print(next(r), r.send(None), r.send(None), r.throw(ValueError("v")), r.send(None))
print(r.send("stop"))


def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print([x for x in rows("d") if x.endswith("1")])
