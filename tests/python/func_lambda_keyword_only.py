# features: lambdas, higher-order functions, sorted key, keyword-only args, functools partial, reduce, decorators
from functools import partial, reduce, wraps

add = lambda a, b=1: a + b
print(add(2), add(2, 3), (lambda *a: len(a))(1, 2, 3), (lambda **k: sorted(k))(b=1, a=2))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda s: "a" in s, ["ab", "cd", "ca"])))
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 0))

def power(base, *, exp=2):
    return base ** exp

print(power(3), power(3, exp=3))
try:
    power(3, 3)
except TypeError as e:
    print("TypeError:", e)
cube = partial(power, exp=3)
print(cube(2), cube(4), cube.func.__name__, cube.keywords)
int2 = partial(int, base=2)
print(int2("1010"), int2("111"))

def logged(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}{args} {kwargs}")
        result = fn(*args, **kwargs)
        print(f"{fn.__name__} returned {result!r}")
        return result
    return wrapper

@logged
def greet(name, *, punct="!"):
    """Say hello."""
    return f"Hello, {name}{punct}"

greet("Ann")
greet("Bob", punct="?")
print(greet.__name__, greet.__doc__)

def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco

@repeat(3)
def hi(x):
    return f"hi {x}"

print(hi("there"))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5), compose(len, str)(12345))
