# features: dataclasses, field defaults, default_factory, repr, eq, order, frozen, asdict, replace
from dataclasses import dataclass, field, asdict, astuple, replace, fields

@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)

i = Item("pen", 1.5)
j = Item("pen", 1.5)
print(i, i == j, i is j)
i.tags.append("office")
print(i, j.tags, Item("x"))
print(asdict(i), astuple(i))
print([f.name for f in fields(Item)])
print(replace(i, price=2.0))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0

vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), Version(1) < Version(1, 1), max(vs))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
print(hash(Version(1, 2)) == hash(Version(1, 2)), {Version(1, 2), Version(1, 2)} == {Version(1, 2)})

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list, repr=False)
    parent: "Node" = field(default=None, compare=False, repr=False)

root = Node(1)
root.children.append(Node(2, parent=root))
print(root, root.children, root == Node(1, [Node(2)]))

@dataclass
class Computed:
    a: int
    b: int = field(init=False)

    def __post_init__(self):
        self.b = self.a * 10

print(Computed(4))
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
