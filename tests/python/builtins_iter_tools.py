# features: enumerate, map, filter, reversed, iter with sentinel, next, range objects, iterators are single-pass
r = reversed([1, 2, 3])
print(list(r), list(r))
print(list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
m = map(str.upper, ["a", "b"])
print(next(m), list(m))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
print(list(filter(str.isdigit, "a1b2c3")))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "end"))
chunks = iter(["a", "b", "STOP", "c"].pop, "STOP")
print(list(chunks))
print(list(iter([1, 2, 3].__iter__())))
data = [1, 2, 3, 4, 5, 6]
it = iter(data)
print(list(zip(it, it)))
it2 = iter(data)
print(next(it2), list(it2))
print(sum(1 for _ in filter(lambda x: x > 2, data)))
counter = iter(range(3))
for x in counter:
    print("x", x, "next", next(counter, None))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1

cd = Countdown(3)
print(list(cd), list(cd), 2 in cd, max(cd))
print(dict(enumerate("ab")), list(map(len, ["", "ab", "abc"])))
print([i for i in reversed([1, 2, 3]) if i != 2])
