# features: model classes with __repr__ using f-strings with !r, properties with setters, class vs instance attributes, super().__init__(**kwargs)
class Base:
    registry = []
    id_counter = 0

    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            if not hasattr(type(self), k) and k not in self.__annotations__:
                raise TypeError(f"{k!r} is an invalid keyword argument for {type(self).__name__}")
            setattr(self, k, v)
        Base.id_counter += 1
        self.id = Base.id_counter
        type(self).registry.append(self)

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items() if not k.startswith("_"))
        return f"{type(self).__name__}({fields})"


class User(Base):
    __annotations__ = {"name": str, "email": str}
    registry = []
    kind = "user"

    def __init__(self, **kwargs):
        self._tags = []
        super().__init__(**kwargs)

    @property
    def display(self):
        return f"{self.name} <{self.email}>"

    @property
    def email_domain(self):
        return self.email.split("@")[1]

    @property
    def tags(self):
        return tuple(self._tags)

    @tags.setter
    def tags(self, value):
        if isinstance(value, str):
            raise TypeError(f"tags must be a list, not {type(value).__name__!r}")
        self._tags = list(value)

    @tags.deleter
    def tags(self):
        self._tags.clear()


class Address(Base):
    __annotations__ = {"street": str, "user": User}


u = User(name="ann", email="ann@example.com")
v = User(name="bob", email='b"o\'b@example.org')
print(u)
print(repr(v))
print(u.display, u.email_domain, v.email_domain)
u.tags = ["admin", "staff"]
print(u.tags, u)
try:
    u.tags = "admin"
except TypeError as e:
    print("TypeError:", e)
del u.tags
print(u.tags)
try:
    u.display = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    User(nme="typo")
except TypeError as e:
    print("TypeError:", e)
a = Address(street="1 Main St", user=u)
print(a)
print(len(Base.registry), len(User.registry), [x.name for x in User.registry])
print(User.kind, u.kind, "kind" in vars(u))
u.kind = "admin"
print(User.kind, u.kind, "kind" in vars(u))
del u.kind
print(u.kind, Base.id_counter, User.id_counter, u.id, v.id, a.id)
print(f"{u!r:>5}"[:12], f"{u.name!s:>6}|", f"{u.name!r:^9}|", f"{3.5!r}", f"{'x'!a}")
print(type(User.display), User.display.fget.__name__, User.tags.fset is not None)
