# features: StopIteration, next default, iterator exhaustion, generator raising StopIteration becomes RuntimeError
it = iter([1, 2])
print(next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)

def bad_gen():
    yield 1
    raise StopIteration("inside")

g = bad_gen()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
e = iter([])
print(list(e), list(e))
print(next(iter("x")), next(reversed([1, 2])), next(enumerate("ab")))
next(iter([]))
