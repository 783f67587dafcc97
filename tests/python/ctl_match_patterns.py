# features: match statement, literal/capture/wildcard/value/group patterns, sequence and mapping patterns, star and **rest, OR and AS patterns, guards, soft keywords
class Color:
    RED = "red"
    GREEN = "green"


class Ns:
    class Inner:
        LIMIT = 10


def lit(v):
    match v:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case -2 - 1j:
            return "negative complex"
        case "hello" "!":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case Color.RED:
            return "the color red"
        case Ns.Inner.LIMIT:
            return "the limit"
        case (Color.GREEN | "verde") as g:
            return f"green-ish {g!r}"
        case _:
            return f"other {v!r}"


for v in [0, -1, 1.5, 2 + 3j, -2 - 1j, "hello!", b"raw", None, True, False, 1, 0.0,
          "red", 10, 10.0, "green", "verde", [], "x"]:
    print(repr(v), "->", lit(v))


def seq(v):
    match v:
        case []:
            return "empty sequence"
        case [x]:
            return f"one item {x!r}"
        case [1, 2, *rest]:
            return f"starts 1, 2 then {rest!r}"
        case (first, *_, last) if first == last:
            return f"same ends {first!r}"
        case [*init, "end"]:
            return f"ends with end after {init!r}"
        case [a, [b, c], *_]:
            return f"nested {a} {b} {c}"
        case [_, _, *middle, _]:
            return f"middle {middle!r}"
        case _:
            return "not a sequence pattern"


for v in [[], (), [7], ("s",), [1, 2], (1, 2, 3, 4), [5, 6, 5], ["a", "b", "end"],
          [0, [8, 9]], [0, 1, 2, 3], range(3), "abc", b"ab", {1: 2}, {9}, 42, [0, 1]]:
    print(repr(v), "->", seq(v))


def mapping(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle with {sorted(rest.items())}"
        case {1: one, Color.RED: red}:
            return f"keys one={one} red={red}"
        case {}:
            return f"some mapping of {len(v)}"
        case _:
            return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": (0, 0)},
          {"type": "circle"}, {1: "a", "red": "b"}, {"x": 1}, {}, [("type", "point")], "type"]:
    print(v, "->", mapping(v))


class DefaultDict(dict):
    def __missing__(self, key):
        return "made up"


match DefaultDict(a=1):
    case {"b": b}:
        print("missing key matched", b)
    case {"a": a}:
        print("dict subclass matched a =", a)

# Tuple subjects and OR patterns that bind names.
for a, b in [(0, 0), (1, 0), (0, 2), (3, 4), ("x", [1])]:
    match a, b:
        case 0, 0:
            print("both zero")
        case (n, 0) | (0, n):
            print("one zero, other", n)
        case (int(p), int(q)) if p < q:
            print("ascending ints", p, q)
        case str() as s, [*items]:
            print("string", s, "items", items)

# Guards run after binding; a failed guard keeps the names bound.
def noisy(x):
    print("  guard sees", x)
    return x > 1


for v in [1, 2]:
    match v:
        case n if noisy(n):
            print("guard passed for", n)
        case other:
            print("fell through with n =", n, "other =", other)

# A failed pattern binds nothing.
match [1, 2]:
    case [unbound_a, 3]:
        pass
    case [_, _]:
        print("unbound_a" in dir())

# Soft keywords stay usable as names.
match = 3
case = match + 1
print(match, case)


def match_fn(*args):
    return ("called", args)


match = match_fn
print(match(1, 2))
print(match((1, 2)))
match = [10, 20]
print(match[0], match[-1])
match = {"case": "value"}
print(match["case"])
_ = "underscore is a normal name outside patterns"
print(_)

# Nested match inside a case body, and match inside a loop with break.
for item in [("cmd", ["go", "north"]), ("cmd", ["quit"]), ("raw", "text")]:
    match item:
        case ("cmd", command):
            match command:
                case ["go", direction]:
                    print("go", direction)
                case ["quit"]:
                    print("quitting")
                    break
        case _:
            print("not reached")
print("after loop")
