# features: constructor errors learners hit: super().__init__(**kwargs) reaching object.__init__, missing/extra args on methods, calling instance methods on the class, abstract classes, NotImplementedError in base methods, __repr__ returning non-str
from abc import ABC, abstractmethod


class Base:
    def __init__(self, **kwargs):
        super().__init__(**kwargs)


class User(Base):
    def __init__(self, name, **kwargs):
        super().__init__(**kwargs)
        self.name = name

    def rename(self, new):
        self.name = new
        return self


attempts = [
    lambda: User("ann", age=3),
    lambda: User(),
    lambda: User("a", "b"),
    lambda: User.rename("x"),
    lambda: User("a").rename(),
    lambda: User("a").rename("b", "c"),
    lambda: User("a").rename(new="b", old="c"),
    lambda: object.__init__(User("a"), 1),
    lambda: object(1),
]
for f in attempts:
    try:
        r = f()
        print("ok", r.name)
    except TypeError as e:
        print("TypeError:", e)


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} with area {self.area():.2f}"


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 1.0


print(Square(1.5).describe())
for cls in [Shape, Half]:
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)


class Repo:
    def get(self, key):
        raise NotImplementedError(f"{type(self).__name__}.get is not implemented")


class MemRepo(Repo):
    pass


try:
    MemRepo().get(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    print([BadRepr()])
except TypeError as e:
    print("TypeError:", e)
