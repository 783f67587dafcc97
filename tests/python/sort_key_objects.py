# features: sorted()/list.sort on objects with __lt__ only (comparison trace of timsort runs, galloping), key=, reverse=, stability, functools.total_ordering, cmp_to_key
import functools

calls = []


class V:
    def __init__(self, v, tag=""):
        self.v = v
        self.tag = tag

    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v

    def __repr__(self):
        return f"{self.v}{self.tag}"


def run(values, **kw):
    calls.clear()
    out = sorted([V(x) for x in values], **kw)
    print(out, len(calls), calls[:12])


run([5, 3, 8, 1, 9, 2, 7])
run(list(range(10)))
run(list(range(10, 0, -1)))
run([3, 1, 2] * 5)
run([x * 7 % 37 for x in range(70)])
run(list(range(40)) + list(range(20)))
run([2, 1, 3], reverse=True)
items = [V(1, "a"), V(0, "b"), V(1, "c"), V(0, "d"), V(1, "e")]
calls.clear()
items.sort(reverse=True)
print(items, calls)
print(sorted(["bob", "Al", "cy", "Di"], key=str.lower), sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: t[0]))


@functools.total_ordering
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), Ver("1.0") >= Ver("0.9"), Ver("1.0") <= Ver("0.9"), max(vs))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    sorted([V(1), 2])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
