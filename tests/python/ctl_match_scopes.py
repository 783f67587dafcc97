# features: match statement in class bodies, closures and generators, star subjects, numeric equality in literal patterns, sequence and mapping kinds (deque, OrderedDict, abc.Sequence subclasses), break/continue/return in cases
class K:
    match 5:
        case int(v) if v > 3:
            kind = "big"
        case _:
            kind = "small"
print(K.kind, K.v)

def outer(x):
    match x:
        case [a, *b]:
            def inner():
                return a, b
            return inner()
    return None
print(outer([1, 2, 3]), outer("no"))

def gen(items):
    for it in items:
        match it:
            case {"yield": v}:
                yield v
            case [*vs]:
                yield from vs
print(list(gen([{"yield": 1}, [2, 3], {"other": 4}])))

match *[1, 2], 3:
    case (1, 2, 3):
        print("star subject")
match -0.0:
    case 0:
        print("negative zero is zero")
match 1.0:
    case True:
        print("no")
    case 1:
        print("1.0 == 1")
match (1, 2):
    case [1, 2]:
        print("tuple matches list pattern")
import collections
match collections.OrderedDict(a=1):
    case {"a": 1, **kw}:
        print("ordered", kw)
match collections.deque([1, 2]) if hasattr(collections, "deque") else [1, 2]:
    case [x, y]:
        print("deque", x, y)
class Seq:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return i * 10
        raise IndexError(i)
match Seq():
    case [a, b]:
        print("not a registered sequence", a, b)
    case _:
        print("plain class with __getitem__ is not a sequence")
from collections.abc import Sequence
class Seq2(Seq, Sequence):
    pass
match Seq2():
    case [a, b]:
        print("registered sequence", a, b)
match {"a": 1, "b": 2}:
    case {"a": 1, **rest} if rest:
        print(rest)
x = 0
match 1:
    case x:
        pass
print("x rebound", x)
match 3:
    case 1 | 2:
        pass
    case other if other > 5:
        pass
print("other bound even though guard failed:", other)
match "abc":
    case str(x) if len(x) == 3:
        print("str self-match", x)
class MyInt(int):
    pass
match MyInt(4):
    case MyInt(n):
        print("subclass self-match", n)
match [1, [2, [3, [4]]]]:
    case [_, [_, [_, [deep]]]]:
        print("deep", deep)
def f():
    match 1:
        case 1:
            return "returned from case"
print(f())
for i in range(3):
    match i:
        case 0:
            continue
        case 1:
            print("one")
        case _:
            break
print("loop done")
match None:
    case None | False:
        print("none or false")
match False:
    case 0:
        print("False == 0")
