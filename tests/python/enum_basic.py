# features: enum, Enum, IntEnum, auto, Flag, iteration, lookup, repr and str
from enum import Enum, IntEnum, auto, Flag

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color["BLUE"], list(Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1))
print(isinstance(Color.GREEN, Color), type(Color.GREEN).__name__, len(Color))
print(f"{Color.BLUE}", str(Color.BLUE), [c.name for c in Color])

class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404

print(Status.OK, repr(Status.OK), Status.OK == 200, Status.NOT_FOUND + 1, f"{Status.OK}")
print(sorted([Status.NOT_FOUND, Status.OK]))

class Shape(Enum):
    CIRCLE = auto()
    SQUARE = auto()

print(list(Shape), Shape.SQUARE.value)

class Perm(Flag):
    R = 4
    W = 2
    X = 1

rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))

class Alias(Enum):
    A = 1
    B = 1

print(list(Alias), Alias.B, Alias(1))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
print({Color.RED: "r"}, Color.RED.__class__.__name__)
