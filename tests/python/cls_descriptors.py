# features: descriptors, __get__, __set__, __delete__, data vs non-data descriptors, validation
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"<Typed {self.kind.__name__}>"
        print(f"get {self.name}")
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, got {type(value).__name__}")
        print(f"set {self.name} = {value!r}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print(f"delete {self.name}")
        delattr(obj, self.name)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(Person.name, Person.age)
del p.age
print(sorted(p.__dict__))
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr)
class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, objtype=None):
        print("binding", self.f.__name__)
        return lambda *a: self.f(obj, *a)
class UsesMethod:
    @Method
    def double(self, x):
        return x * 2
print(UsesMethod().double(21))
