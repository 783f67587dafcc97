# features: set methods and operators on small ints, frozenset, membership
s = {3, 1, 2}
s.add(4)
s.add(1)
print(s, len(s), 2 in s, 9 in s)
s.discard(9)
s.remove(4)
print(s)
t = {2, 3, 5, 7}
print(s | t, s & t, s - t, t - s, s ^ t)
print(s.union(t), s.intersection(t), s.difference(t), s.symmetric_difference(t))
print(s.issubset({1, 2, 3, 4}), s.issuperset({1}), s.isdisjoint({8, 9}), s <= s, s < s)
u = set()
u.update([5, 6], (7,))
print(u)
u.intersection_update({5, 7, 9})
print(u)
u.difference_update({5})
print(u)
u |= {1}
u &= {1, 7}
u ^= {2}
u -= {7}
print(u)
print(u.pop() in {1, 2}, len(u))
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, type(fs | {4}).__name__, {4} | fs, type({4} | fs).__name__)
print({frozenset({1}): "a"}, hash(frozenset()) == hash(frozenset()))
print(set(range(5)), set([1, 1, 1]), sorted({5, 3, 9}), {x % 3 for x in range(10)})
print(set() == set(), {1, 2} == {2, 1}, {1} == frozenset({1}))
c = s.copy()
c.clear()
print(c, s)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
