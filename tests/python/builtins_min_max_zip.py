# features: min, max with key and default, zip, zip strict, enumerate start, sum start, abs, divmod, any, all
pairs = [("a", 3), ("b", 1), ("c", 2)]
print(min(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[1]))
print(max("apple", "fig", "banana", key=len), min("apple", "fig", "banana", key=len))
print(max([], default="empty"), min([3, 1, 2]), max(3, 1, 2), max([1, 3, 3], key=lambda x: x))
print(max([(1, "b"), (1, "a")]), min("bca"), max(["a", "B"]), max([0.5, 1, True]))
print(list(zip("abc", [1, 2, 3], (True, False, None))))
print(list(zip("ab", range(10))), list(zip()), list(zip([1])))
try:
    list(zip("ab", [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
names, ages = zip(*[("x", 1), ("y", 2)])
print(names, ages)
print(list(enumerate("abc")), list(enumerate("ab", start=10)))
for i, (a, b) in enumerate(zip("xy", "pq"), 1):
    print(i, a, b)
print(sum([1, 2, 3], 10), sum([[1], [2]], []), sum([0.1, 0.2]), sum(()))
print(abs(-3), abs(-2.5), abs(True), divmod(7, -2), divmod(-7.5, 2))
print(any([0, "", None]), any([0, 1]), all([1, "a"]), all([1, 0]))
print(round(3.14159, 2), round(-2.5), round(2.5), round(0.125, 2), round(7, 1))
print(pow(2, 8), pow(2.0, 3), len("hello"), len(range(3, 30, 4)))
print(list(range(3)), list(range(-3, 3, 2)), range(10)[3], range(0, 10, 2)[-1])
print(isinstance(range(1), range), 5 in range(0, 10, 5), 3 in range(0, 10, 5))
print(sorted(map(abs, [-3, 1, -2])), list(map(pow, [2, 3], [3, 2])))
print(callable(len), callable(5), callable(lambda: 0))
print(type(hash(1)).__name__, type(len).__name__, type(id(1)).__name__)
