# features: AttributeError messages for instances, classes, builtins, None, __slots__, caught
class Plain:
    y = 2

pl = Plain()
for name in ["y", "z"]:
    try:
        print(getattr(pl, name))
    except AttributeError as e:
        print("AttributeError:", e)
try:
    Plain.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    (5).nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    "s".upperr()
except AttributeError as e:
    print("AttributeError:", e)
try:
    None.x
except AttributeError as e:
    print("AttributeError:", e)

class Slotted:
    __slots__ = ("a",)

s = Slotted()
s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError:", e)
print(s.a)
