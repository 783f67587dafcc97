# features: annotations evaluated at class creation, __class_getitem__ subscript objects (Mapped[List["X"]]-like), forward-ref strings, __annotations__ order
from typing import List, Optional, Dict


class _Sub:
    def __init__(self, origin, args):
        self.origin = origin
        self.args = args if isinstance(args, tuple) else (args,)

    def __repr__(self):
        inner = ", ".join(a if isinstance(a, str) else getattr(a, "__name__", repr(a)) for a in self.args)
        return f"{self.origin.__name__}[{inner}]"

    def __eq__(self, other):
        return isinstance(other, _Sub) and (self.origin, self.args) == (other.origin, other.args)

    def __hash__(self):
        return hash((self.origin, self.args))


class Mapped:
    def __class_getitem__(cls, item):
        print("Mapped[...] built with", repr(item))
        return _Sub(cls, item)


class Column:
    def __init__(self, *args, **kw):
        self.args = args
        self.kw = kw

    def __set_name__(self, owner, name):
        print(f"__set_name__ {owner.__name__}.{name}")
        self.name = name

    def __repr__(self):
        return f"Column({self.name!r}, {', '.join(f'{k}={v!r}' for k, v in self.kw.items())})"


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ann = ns.get("__annotations__", {})
        print("creating", name, "with annotations", list(ann))
        cls = super().__new__(mcls, name, bases, ns)
        cls.__columns__ = {k: v for k, v in ns.items() if isinstance(v, Column)}
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        if kw:
            print("class keywords", kw)


class Base(metaclass=Meta):
    pass


class Parent(Base, table="parents"):
    id: Mapped[int] = Column(primary_key=True)
    name: Mapped[str] = Column(nullable=False)
    children: Mapped[List["Child"]] = Column(back_populates="parent")
    extra: Mapped[Optional[Dict[str, int]]]


class Child(Base):
    id: Mapped[int] = Column(primary_key=True)
    parent: "Mapped[Parent]" = Column()


print(Parent.__annotations__["id"], Parent.__annotations__["children"])
print(list(Parent.__annotations__), Child.__annotations__["parent"])
print(Parent.__annotations__["extra"])
print(Parent.__columns__)
print(Parent.__annotations__["id"] == Mapped[int], "extra" in Parent.__dict__)
print(List[int], Optional[str], Dict[str, List[int]], List["Child"])
print(isinstance(Parent, Meta), type(Child).__name__, Parent.__mro__)
try:
    class Bad(Base):
        x: Mapped[Undefined]
except NameError as e:
    print("NameError:", e)
