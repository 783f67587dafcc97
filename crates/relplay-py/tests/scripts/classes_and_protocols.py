from typing import Optional, List, TYPE_CHECKING
class Mapped:
    def __class_getitem__(cls, item):
        return f"Mapped[{item.__name__ if isinstance(item, type) else item}]"
class Registry:
    classes = []
class Base:
    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls.__table__ = table or cls.__name__.lower()
        Registry.classes.append(cls)
class Field:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value.upper() if isinstance(value, str) else value
    def __repr__(self):
        return f"Field({self.name!r})"
class User(Base, table="users"):
    id: Mapped[int]
    name: Mapped[str] = Field()
    nick: "Mapped[Optional[str]]"
    def __init__(self, name):
        self.name = name
    @property
    def display(self):
        return f"<{self.name}>"
    @display.setter
    def display(self, v):
        self.name = v
    @classmethod
    def make(cls, n):
        return cls(n)
    @staticmethod
    def helper(x):
        return x * 2
    def __repr__(self):
        return f"User(name={self.name!r})"
u = User.make("ann")
print(u, u.display, User.name, User.__table__, Registry.classes, User.helper(3))
u.display = "bob"
print(u.name, User.__annotations__)
print(User.__mro__, User.__qualname__, User.__module__, type(u).__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['tag'] = name.upper()
        return super().__new__(mcls, name, bases, ns)
class T(metaclass=Meta):
    pass
print(T.tag, type(T), isinstance(T, Meta))
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B" + super().f()
class C(A):
    def f(self): return "C" + super().f()
class D(B, C):
    def f(self): return "D" + super().f()
print(D().f(), [k.__name__ for k in D.__mro__])
try:
    raise KeyError("k")
except LookupError as e:
    print(repr(e), str(e), e.args)
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(5)
except MyErr as e:
    print(e, e.code, repr(e))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for x in gen():
    print(x)
    break
print(sorted({"b": 2, "a": 1}.items(), key=lambda kv: kv[1]))
x = [1, 2, 3]
print(x[::-1], x[1:], x[-1], *x, sep=", ")
print(f"{'hi':>5}|{3.14159:.3f}|{42:05d}|{x!r}|{u=}")
a, *b = [1, 2, 3]
print(a, b)
print({**{"a": 1}, "b": 2}, [*range(3), *"ab"])
print(1 if None else 2, None or "default", [] and 1)
def kw(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, e=6))
print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), any([]), all([]))
print(isinstance(True, int), issubclass(bool, (str, int)), type(3) is int)
