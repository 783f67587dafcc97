# features: __eq__, __hash__, __lt__, total_ordering, unhashable when __eq__ only, set/dict keys of instances
from functools import total_ordering

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

p, q, r = Point(1, 2), Point(1, 2), Point(2, 3)
print(p == q, p is q, p != r, p == (1, 2), p != "x")
print(len({p, q, r}), {p: "first", q: "second"})
print(hash(p) == hash(q), hash(Point(0, 0)) == hash((0, 0)))

class NoHash:
    def __eq__(self, other):
        return True

print(NoHash.__hash__ is None, NoHash() == 5)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)

@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(x) for x in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))

vs = [Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.9"), Version("1.0") >= Version("1.1"))
try:
    Point(1, 2) < Point(2, 3)
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == hash(1.0), hash(-1), hash(-2), hash(0), hash(2**61 - 1), hash(2**61), hash(True))
