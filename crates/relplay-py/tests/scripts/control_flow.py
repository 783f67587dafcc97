def f():
    for i in range(3):
        try:
            if i == 1:
                return "ret", i
        finally:
            print("finally", i)
print(f())
def g():
    try:
        return 1
    finally:
        return 2
print(g())
def h():
    for i in range(5):
        try:
            if i == 2:
                break
            continue
        finally:
            print("f", i)
    return i
print(h())
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n); return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, t.__name__ if t else None); return self.n == 2
with CM(1) as a, CM(2) as b:
    print(a, b)
    raise ValueError("x")
print("after")
try:
    try:
        raise KeyError(1)
    except KeyError:
        raise TypeError("inner")
except TypeError as e:
    print(repr(e), repr(e.__context__))
try:
    raise ValueError("a") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)
def gen():
    x = yield 1
    print("got", x)
    yield x * 2
g2 = gen()
print(next(g2), g2.send(5))
try:
    e
except NameError as ex:
    print(ex)
x = 0
def inc():
    global x
    x += 1
inc(); inc(); print(x)
def outer():
    v = []
    def add(i): v.append(i)
    for i in range(3): add(i)
    return v
print(outer(), [lambda: i for i in range(3)][0](), [(lambda i=i: i)() for i in range(3)])
def unbound():
    print(y)
    y = 1
try:
    unbound()
except UnboundLocalError as e:
    print(e)
print(int("  42 "), float("1e3"), str(1.0), repr(0.1 + 0.2), 7 // -2, -7 % 3, round(2.675, 2), 1e100)
print("a,b,,c".split(","), "  x y  ".split(), "abc".center(9, "*"), "Hello".swapcase(), "x".join("abc"))
assert 1 == 1, "fine"
try:
    assert 1 == 2, "boom"
except AssertionError as e:
    print("assert:", e)
