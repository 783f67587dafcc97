# features: __repr__ and __str__ fallbacks, repr in containers, bad __repr__ return type, __format__
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"

class OnlyStr:
    def __str__(self):
        return "only-str"

class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"

class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"

o, s, b = OnlyRepr(), OnlyStr(), Both()
print(o, str(o), repr(o), [o], f"{o}", f"{o!r}")
print(s, [s][0], f"{s}", str([s]).startswith("[<__main__.OnlyStr object at 0x"))
print(b, [b], (b,), {"k": b}, f"{b} {b!r} {b!s}", "%s %r" % (b, b))
print(format(Fmt(), ">10"), f"{Fmt():abc}", "{:xyz}".format(Fmt()), f"{Fmt()}")
print(str(b) + "!", repr(b) + "!")

class BadRepr:
    def __repr__(self):
        return 42

try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
try:
    print(BadRepr())
except TypeError as e:
    print("TypeError:", e)

class BadStr:
    def __str__(self):
        return None

try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(object(), "").startswith("<object object at"))

class Sub(Both):
    pass

print(Sub(), repr(Sub()))
