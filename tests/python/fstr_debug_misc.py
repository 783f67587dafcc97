# features: f-string = debugging specifier, str.format with attribute/index fields, __str__ vs __repr__ in containers, print sep/end, type() with 3 args, vars/getattr defaults, __format__ on user classes
class Item:
    def __init__(self, name, price):
        self.name, self.price = name, price

    def __str__(self):
        return f"{self.name} (${self.price:.2f})"

    def __repr__(self):
        return f"Item({self.name!r}, {self.price!r})"

    def __format__(self, spec):
        if spec == "short":
            return self.name[:3]
        return format(str(self), spec)


it = Item("widget", 9.5)
x, items = 42, [it, Item("gadget", 3)]
print(f"{x=}", f"{x = }", f"{x=:>5}", f"{it.name=}", f"{x*2=}", f"{it=!s}", f"{items[0].price=:.1f}")
print(f"{it}", f"{it!r}", f"{it:short}", f"{it:>25}|", items, str(items), *items, sep=" / ", end=" <end>\n")
print("{0.name} costs {0.price:.2f}; first={1[0]!r} {2[k]}".format(it, items, {"k": "v"}))
print("{:>8}|{:^8}|{:<8}|".format("a", "b", "c"), "{!r:>10}".format("q"), "{{literal}} {}".format(1))
Dyn = type("Dyn", (Item,), {"kind": "dynamic", "label": lambda self: self.name.upper()})
d = Dyn("thing", 1)
print(type(d).__name__, d.kind, d.label(), isinstance(d, Item), Dyn.__mro__[1].__name__, Dyn.__module__)
print(vars(it), getattr(it, "missing", "default"), hasattr(it, "price"), sorted(vars(d)))
print(", ".join(map(str, items)), repr(str(it)), format(3.14159, ".3"), format(1234567, ","), format("s", "*^5"))
