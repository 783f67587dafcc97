# features: shared mutable class attribute pitfall, instance vs class attribute shadowing, class attribute lookup
class Bag:
    items = []

    def add(self, x):
        self.items.append(x)

a, b = Bag(), Bag()
a.add(1)
b.add(2)
print(a.items, b.items, Bag.items, a.items is b.items)

class FixedBag:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)

c, d = FixedBag(), FixedBag()
c.add(1)
d.add(2)
print(c.items, d.items)

class Config:
    debug = False

x, y = Config(), Config()
x.debug = True
print(x.debug, y.debug, Config.debug, "debug" in x.__dict__, "debug" in y.__dict__)
Config.debug = "changed"
print(x.debug, y.debug)
del x.debug
print(x.debug)

class Counter:
    count = 0

    def __init__(self):
        self.count += 1

c1, c2 = Counter(), Counter()
print(c1.count, c2.count, Counter.count)
