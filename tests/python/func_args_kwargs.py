# features: *args, **kwargs, keyword-only, positional-only, argument unpacking, call errors caught
def show(*args, **kwargs):
    print("args", args, "kwargs", kwargs)

show()
show(1, 2, a=3)
show(*[1, 2], *(3,), **{"x": 1}, y=2)

def f(a, b=2, *rest, c, d=4, **extra):
    return (a, b, rest, c, d, extra)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*range(4), c=0, **{"d": 1, "z": 2}))

def pos_only(a, b, /, c, *, d):
    return a + b + c + d

print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
errors = [
    lambda: f(),
    lambda: f(1),
    lambda: f(1, c=1, a=2),
    lambda: pos_only(1, b=2, c=3, d=4),
    lambda: pos_only(1, 2, 3, 4),
    lambda: show(**{1: 2}),
    lambda: (lambda x: x)(),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len([], []),
    lambda: int("1", base=2, extra=1),
    lambda: f(1, c=2, **{"c": 3}),
]
for e in errors:
    try:
        e()
    except TypeError as err:
        print("TypeError:", err)

def g(x, y):
    return x - y

args = (10, 3)
kw = {"y": 1, "x": 5}
print(g(*args), g(**kw), g(*[1], **{"y": 2}))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__name__)
