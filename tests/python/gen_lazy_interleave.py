# features: lazy evaluation, generator pipelines, interleaved prints, map/filter laziness
def numbers():
    for i in range(4):
        print("produce", i)
        yield i

def squares(src):
    for x in src:
        print("square", x)
        yield x * x

def evens(src):
    for x in src:
        if x % 2 == 0:
            print("keep", x)
            yield x

pipeline = evens(squares(numbers()))
print("pipeline built")
for v in pipeline:
    print("consume", v)

def noisy(x):
    print("noisy", x)
    return x + 100

m = map(noisy, [1, 2, 3])
print("map created")
print(next(m))
print(list(m))
f = filter(lambda x: print("test", x) or x > 1, [1, 2, 3])
print("filter created")
print(list(f))
gen = (noisy(i) for i in range(2))
print("genexpr created")
for g in gen:
    print("got", g)
z = zip(numbers(), "ab")
print(list(z))
print(any(noisy(i) > 101 for i in range(5)))
