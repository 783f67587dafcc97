# features: if/elif/else, ternary, walrus, truthiness, match statement
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 42]:
    print(n, classify(n), "even" if n % 2 == 0 else "odd")
data = [1, 2, 3, 4, 5, 6]
if (n := len(data)) > 5:
    print("long list", n)
print([y for x in data if (y := x * x) > 10])
for v in [0, 1, "", "a", [], [0], None, 0.0, {}, {"k": 0}]:
    print(repr(v), "truthy" if v else "falsy")

def describe(cmd):
    match cmd:
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", *items] if items:
            return f"picking {', '.join(items)}"
        case {"action": action, "target": target}:
            return f"{action} -> {target}"
        case int(x) | float(x) if x > 100:
            return f"big number {x}"
        case int() | float():
            return "number"
        case str() as s:
            return f"string {s!r}"
        case None:
            return "nothing"
        case _:
            return "unknown"

for c in [["go", "north"], ["pick", "a", "b"], ["pick"], {"action": "hit", "target": "orc"}, 500, 5, 2.5, "hi", None, (1, 2, 3)]:
    print(describe(c))

class Pt:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

for p in [Pt(0, 0), Pt(0, 5), Pt(3, 3), Pt(1, 2)]:
    match p:
        case Pt(0, 0):
            print("origin")
        case Pt(0, y):
            print("on y axis at", y)
        case Pt(x, y) if x == y:
            print("diagonal", x)
        case Pt(x=x):
            print("somewhere x =", x)
