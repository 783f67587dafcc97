# features: classes, class attributes, instance attributes, __repr__, __str__, methods, __dict__
class Counter:
    instances = 0
    step = 1

    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.instances += 1

    def incr(self):
        self.value += self.step
        return self

    def __repr__(self):
        return f"Counter({self.name!r}, {self.value})"

    def __str__(self):
        return f"{self.name}={self.value}"

a = Counter("a")
b = Counter("b", 10)
a.incr().incr()
b.step = 5
b.incr()
print(a, b)
print(repr(a), [a, b], {"k": a})
print(f"{a} {a!r} {a!s}")
print(Counter.instances, a.instances, a.step, b.step, Counter.step)
print(a.__dict__, b.__dict__)
print(sorted(vars(b)))
print(type(a).__name__, isinstance(a, Counter), hasattr(a, "value"), hasattr(a, "nope"))
print(getattr(a, "name"), getattr(a, "missing", "dflt"))
setattr(a, "extra", 42)
print(a.extra, "extra" in a.__dict__)
delattr(a, "extra")
print(hasattr(a, "extra"))
Counter.step = 2
print(a.incr(), b.incr())

class Plain:
    pass

p = Plain()
p.x = 1
print(p.x, Plain.__name__, p.__class__.__name__, Plain.__bases__)

class OnlyStr:
    def __str__(self):
        return "only str"

o = OnlyStr()
print(o, str(o), [o][0].__str__())
print(repr(o).startswith("<__main__.OnlyStr object at 0x"))
