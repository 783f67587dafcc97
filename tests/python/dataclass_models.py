# features: dataclasses as models (field defaults, default_factory, repr/eq/order, frozen, __post_init__, asdict, fields, replace, inheritance)
from dataclasses import dataclass, field, asdict, astuple, fields, replace, FrozenInstanceError
from typing import List, Optional


@dataclass
class Address:
    street: str
    city: str = "Springfield"


@dataclass
class User:
    name: str
    email: Optional[str] = None
    addresses: List[Address] = field(default_factory=list)
    id: int = field(default=0, repr=False, compare=False)

    def __post_init__(self):
        self.name = self.name.strip().title()


u = User("  ann lee ", addresses=[Address("1 Main")])
print(u)
print(asdict(u))
print(astuple(Address("2 Oak", "Shelbyville")))
print([f.name for f in fields(User)], fields(User)[2].default_factory is list)
print(u == User("Ann Lee", addresses=[Address("1 Main")], id=99), u == "x")
v = replace(u, email="a@x.org")
print(v, v is u, u.email)
u.addresses.append(Address("3 Elm", "Capital City"))
print(len(u.addresses), len(User("bob").addresses))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)


vs = [Version(2, 1), Version(1, 9, "old"), Version(2, 0, "x"), Version(1, 10)]
print(sorted(vs))
print(max(vs), Version(1) < Version(1, 1), Version(3, 0, "a") == Version(3, 0, "b"))
try:
    vs[0].major = 5
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(Version(1, 2)) == hash(Version(1, 2, "z")), {Version(1, 2), Version(1, 2, "q")})


@dataclass
class Admin(User):
    level: int = 1


a = Admin("root", "r@x", level=3)
print(a, isinstance(a, User), [f.name for f in fields(a)])
try:
    User()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
