from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    def describe(self):
        return self.name.lower()
print(Color.RED, repr(Color.GREEN), Color(2), Color['RED'], list(Color), len(Color), Color.RED.value, Color.RED.describe())
print(Color.RED in Color, Color.RED == Color.RED, Color.RED is Color(1), isinstance(Color.RED, Color))
class P(IntEnum):
    LOW = 1
    HIGH = 2
print(P.LOW + 1, P.HIGH > P.LOW, repr(P.LOW))
from dataclasses import dataclass, field, asdict
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1), asdict(p))
@dataclass(frozen=True, order=True)
class V:
    a: int
    b: str = "x"
print(V(1) < V(2), V(1))
try:
    Point()
except TypeError as e:
    print(e)
from collections import defaultdict, Counter, namedtuple, OrderedDict
d = defaultdict(list)
d['a'].append(1)
print(d, dict(d))
c = Counter("abracadabra")
print(c, c.most_common(2))
Pt = namedtuple("Pt", "x y")
q = Pt(1, y=2)
print(q, q.x, q[1], q._asdict(), tuple(q))
x, y = q
print(x, y)
print(OrderedDict(a=1))
from functools import reduce, partial, wraps
print(reduce(lambda a, b: a + b, [1, 2, 3]))
def deco(f):
    @wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def hello():
    "doc"
    return 1
print(hello.__name__, hello.__doc__, hello())
import itertools
print(list(itertools.islice(itertools.count(), 3)), list(itertools.chain([1], [2])), [(k, list(g)) for k, g in itertools.groupby("aabbc")])
import math
print(math.sqrt(16), math.pi, math.floor(2.5), math.ceil(2.1))
import datetime
dt = datetime.datetime(2024, 1, 2, 3, 4)
print(dt, repr(dt), datetime.date(2024, 5, 6), repr(datetime.date(2024, 5, 6)), dt.isoformat())
print(datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1))
from decimal import Decimal
print(Decimal("1.10") + Decimal("2.205"), repr(Decimal("3.50")), Decimal("1.5") * 2, Decimal("0.1") < Decimal("0.2"))
import warnings
warnings.warn("careful")
warnings.warn("dep", DeprecationWarning)
for i in range(2):
    warnings.warn("loop", UserWarning)
