# features: tuple unpacking, star unpacking, nested unpacking, swap, unpacking errors
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, (n, *o)] = [1, [2, 3, 4]]
print(m, n, o)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print(*[1, 2], *"ab", sep=",")
merged = [*range(3), *"xy", *(9,)]
print(merged)
d = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d)
s = {*[1, 2], *(2, 3)}
print(s)
t = *range(3),
print(t)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
for bad in [lambda: [(u, w) for u, w in [(1, 2, 3)]], lambda: [(u, w) for u, w in [(1,)]], lambda: [(u, w) for u, w in [5]]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
