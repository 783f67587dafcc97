# features: hash of ints, floats equal to ints, tuples of ints, sets and dicts of small ints, bool hashing
print(hash(0), hash(1), hash(-1), hash(-2), hash(42), hash(10**6))
print(hash(2**61 - 1), hash(2**61), hash(2**64), hash(-(2**61)))
print(hash(1.0) == hash(1), hash(2.5) == hash(2.5), hash(True), hash(False))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
print({1: "a", 1.0: "b", True: "c"})
d = {}
for k in [3, 1, 2, 1, 3]:
    d[k] = d.get(k, 0) + 1
print(d)
s = set()
for k in [5, 3, 7, 3, 1]:
    s.add(k)
print(s, sorted(s), len(s))
print({0, 1, 2, 3, 4, 5, 6, 7}, {7, 6, 5, 4, 3, 2, 1, 0}, {4, 2} == {2, 4})
print({True, 1, 1.0}, {0, False}, {x % 5 for x in range(12)})
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
