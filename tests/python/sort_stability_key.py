# features: sorted stability, key functions, reverse, multi-key sort, sort tuples, list.sort in place
people = [("ann", 30), ("bob", 25), ("cid", 30), ("dee", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda n: n % 3))
data = [3, 1, 2]
data.sort()
print(data, data.sort(), data)
recs = [{"n": "x", "v": 2}, {"n": "y", "v": 1}, {"n": "z", "v": 2}]
recs.sort(key=lambda r: r["v"])
print([r["n"] for r in recs])
import operator
print(sorted(people, key=operator.itemgetter(1, 0)))
print(sorted("hello world"), sorted({3: 1, 1: 2}), sorted((3, 1, 2)))
print(sorted([1.5, 1, True, 0.5, False]))
print(sorted([[2, 1], [1, 2], [1]]), sorted([(), (0,), (-1, 5)]))
stable = sorted(range(10), key=lambda i: i % 3)
print(stable)
print(list(reversed(sorted("cab"))), sorted([], key=len))
