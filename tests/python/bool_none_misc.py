# features: None, bool operations, short-circuit evaluation, conditional returns, identity checks
def noisy(v):
    print("eval", v)
    return v

print(noisy(0) and noisy(1))
print(noisy(1) and noisy(2))
print(noisy(0) or noisy(3))
print(noisy(4) or noisy(5))
print(not noisy(None))
x = None
print(x is None, x == None, x is not None, type(x).__name__, bool(x), str(x), repr(x))

def nothing():
    pass

def early(flag):
    if flag:
        return
    return "late"

print(nothing(), early(True), early(False))
print(True and "yes" or "no", False and "yes" or "no")
print(True + True + True, True * 2.5, -False, abs(True), int(False))
print(bool(-1), bool(0.0), bool(-0.0), bool("False"), bool(None), bool(()))
print([] or {} or 0 or "" or None, [1] and {2: 3})
print(None in [None], [None].count(None), {None: "none"}[None])
values = [0, None, False, "", 0.0]
print([v for v in values if v is not None], sum(v is None for v in values))
print(True == 1.0, False == 0j, hash(True) == hash(1))
print(str(True).lower(), repr(False), f"{True!s:>6}|{None!r:<6}|")
print(max(True, False), min(True, 2), sorted([True, False, True]))
