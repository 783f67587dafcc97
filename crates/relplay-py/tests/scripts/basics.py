print(1+1, "hi", 2.5, None, True, [1, 'a', (1,), {'k': {1, 2}}])
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
class A:
    x = 5
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"A({self.v!r})"
class B(A):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
b = B(1, 2)
print(b, b.x, b.w, [b], isinstance(b, A))
print([x * x for x in range(5) if x % 2 == 0], {k: v for k, v in zip("ab", [1, 2])})
def gen():
    yield 1
    yield 2
print(list(gen()), sum(x for x in range(10)))
try:
    1/0
except ZeroDivisionError as e:
    print("caught", repr(e), e)
for i in range(3):
    if i == 1: continue
    print(i)
else:
    print("done")
s = "hello world"
print(s.split(), s.upper(), "{} {:>5}|".format(1, 2), "%s-%d" % ("a", 3), f"{3.14159:.2f}")
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
f = outer(); f(); print(f())
import typing
from typing import List, Optional
print(List[int], Optional[int], typing.Dict[str, int])
d = {}
d.setdefault('a', []).append(1)
print(d, d.keys(), sorted([3,1,2], reverse=True))
