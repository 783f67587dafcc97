# features: data descriptors like InstrumentedAttribute (__get__ on class returns descriptor, __set__ records history), __set_name__, __init_subclass__ registry, __getattr__ fallback, classmethod factories, __eq__/__hash__ identity
class Attr:
    def __init__(self, default=None):
        self.default = default

    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.key = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.key, self.default)

    def __set__(self, obj, value):
        old = obj.__dict__.get(self.key, self.default)
        obj.__dict__.setdefault("_history", []).append((self.name, old, value))
        obj.__dict__[self.key] = value

    def __delete__(self, obj):
        obj.__dict__.pop(self.key, None)

    def __repr__(self):
        return f"<Attr {self.owner}.{self.name}>"

    def __eq__(self, other):
        return f"{self.owner}.{self.name} = {other!r}"

    __hash__ = object.__hash__


class Model:
    registry = {}

    def __init_subclass__(cls, table=None, **kw):
        super().__init_subclass__(**kw)
        cls.__table__ = table or cls.__name__.lower() + "s"
        Model.registry[cls.__name__] = cls

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

    @classmethod
    def create(cls, **kw):
        obj = cls(**kw)
        print(f"created {type(obj).__name__} via {cls.__name__}.create")
        return obj

    def __getattr__(self, name):
        if name.startswith("get_"):
            field = name[4:]
            return lambda: getattr(self, field)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


class User(Model, table="users"):
    name = Attr()
    age = Attr(0)


class Post(Model):
    title = Attr("untitled")


print(User.name, User.age, Post.title, User.__table__, Post.__table__, sorted(Model.registry))
print(User.name == "ann", Post.title == 3)
u = User.create(name="ann")
u.age = 30
u.age += 1
print(u.name, u.age, u._history)
del u.age
print(u.age, u.get_name(), "_name" in vars(u))
try:
    u.nickname
except AttributeError as e:
    print("AttributeError:", e)
p = Post()
print(p.title, {p: 1}[p], p == p, p != Post(), len({p, p, Post()}))
print(type(User.__dict__["name"]).__name__, isinstance(User.__dict__["age"], Attr))


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"


pts = [Point(1, 2), Point(1, 2), Point(2, 1)]
print(len(set(pts)), pts.count(Point(1, 2)), Point(1, 2) == (1, 2), pts.index(Point(2, 1)))


class NoHash:
    def __eq__(self, other):
        return True


try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(NoHash.__hash__)
