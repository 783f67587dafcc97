# features: generators, yield, next, StopIteration, return value, generator state, iteration protocol
def countdown(n):
    print("start countdown", n)
    while n > 0:
        yield n
        n -= 1
    print("countdown done")
    return "finished"

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value))
g2 = countdown(2)
next(g2)
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("returned", e.value)
print(next(countdown(0), "default"))

def pairs(xs):
    for i, x in enumerate(xs):
        yield i, x

for i, x in pairs("ab"):
    print(i, x)
print(dict(pairs("xyz")))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])

class Range3:
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= 3:
            raise StopIteration
        self.i += 1
        return self.i * 10

print(list(Range3()), sum(Range3()), [x for x in Range3()])
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
