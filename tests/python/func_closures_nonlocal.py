# features: closures, nonlocal, counters, late binding, function attributes, __closure__
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]

print([m(10) for m in make_multipliers()])

def late():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs

print([f() for f in late()])

def outer():
    x = "outer x"
    def middle():
        x = "middle x"
        def inner():
            nonlocal x
            x = "changed by inner"
            return x
        r = inner()
        return r, x
    return middle(), x

print(outer())

def accumulator():
    items = []
    def add(item):
        items.append(item)
        return list(items)
    return add

acc = accumulator()
acc(1)
print(acc(2), len(acc.__closure__), acc.__closure__[0].cell_contents)
