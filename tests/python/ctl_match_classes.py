# features: match statement, class patterns, __match_args__, keyword patterns, builtin self-matching types, dataclass patterns, class pattern errors
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


class Circle:
    __match_args__ = ("center", "radius")

    def __init__(self, center, radius):
        self.center = center
        self.radius = radius


class Labelled(Circle):
    @property
    def label(self):
        return f"r={self.radius}"


def shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return f"a point {s}"
        case Labelled(Point(x, y), label=text):
            return f"labelled circle at {x},{y} ({text})"
        case Circle(Point(0, 0) as c, r) | Circle(c, radius=0 as r):
            return f"special circle {c} {r}"
        case Circle(radius=r):
            return f"circle of radius {r}"
        case _:
            return "unknown shape"


for s in [Point(0, 0), Point(0, 4), Point(2, 2), Point(1, 2), Circle(Point(0, 0), 3),
          Circle(Point(1, 1), 0), Circle(Point(1, 1), 2), Labelled(Point(5, 6), 1), "circle"]:
    print(shape(s))


def builtin(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(1 | 2 as n):
            return f"small int {n}"
        case int(n) | float(n):
            return f"number {n}"
        case str("") | bytes(b""):
            return "empty text"
        case str(s) | bytes(s):
            return f"text {s!r}"
        case list([x, *_]) | tuple((x, *_)):
            return f"sequence starting {x!r}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case frozenset() | set():
            return f"set of {len(v)}"
        case _:
            return "other"


for v in [True, 1, 7, 2.5, "", b"", "hi", b"hi", [3, 4], (5,), {"k": 9}, {1}, frozenset(), None]:
    print(repr(v), "->", builtin(v))


# A class without __match_args__ accepts only keyword sub-patterns.
class Plain:
    def __init__(self):
        self.a = 1


match Plain():
    case Plain(a=1, b=2):
        print("not reached: no attribute b")
    case Plain(a=1):
        print("Plain with a=1")

# Class pattern errors are raised when the case is tried.
class BadArgs:
    __match_args__ = ["x"]


class NotStrings:
    __match_args__ = (1,)


class Two:
    __match_args__ = ("a", "b")
    a = b = 0


def attempt(what, subject, cls):
    try:
        match subject:
            case cls(x):
                print(what, "matched", x)
    except TypeError as e:
        print(what, "->", type(e).__name__, e)


attempt("not a class", 5, "str")
attempt("too many positionals", Plain(), Plain)
attempt("list __match_args__", BadArgs(), BadArgs)
attempt("non-string __match_args__", NotStrings(), NotStrings)
attempt("int takes one", 5, int)
attempt("isinstance fails first", 5, BadArgs)
try:
    match Two():
        case Two(_, a=0):
            pass
except TypeError as e:
    print("repeated attribute ->", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("int(1, 2) ->", e)

try:
    match {"a": 1, "b": 2}:
        case {"a": 1, Color.A: 2}:
            pass
except NameError as e:
    print("NameError", e)


class K:
    A = "a"
    B = "a"


try:
    match {"a": 1, "b": 2}:
        case {K.A: 1, K.B: 2}:
            pass
except ValueError as e:
    print("ValueError", e)

# An uncaught class pattern error reports the case's line.
match 3:
    case len(x):
        pass
