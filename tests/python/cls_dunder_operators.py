# features: operator overloading, __add__, __radd__, __iadd__, __mul__, __neg__, __abs__, __len__, __getitem__, __contains__, __call__, __bool__
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __repr__(self):
        return f"Vec{tuple(self.c)}"
    def __add__(self, o):
        if isinstance(o, (int, float)):
            return Vec(*(x + o for x in self.c))
        return Vec(*(a + b for a, b in zip(self.c, o.c)))
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __iadd__(self, o):
        print("iadd")
        self.c = (self + o).c
        return self
    def __mul__(self, k):
        return Vec(*(x * k for x in self.c))
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(*(-x for x in self.c))
    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __contains__(self, x):
        return x in self.c
    def __call__(self, scale):
        return self * scale
    def __bool__(self):
        return any(self.c)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.c == o.c
v = Vec(3, 4)
w = Vec(1, 2)
print(v + w, v + 1, 1 + v, v * 2, 3 * v, -v, abs(v), len(v))
print(v[0], v[-1], v[0:1], 4 in v, 5 in v, v(10))
print(bool(Vec(0, 0)), bool(v), sum([v, w], Vec(0, 0)))
u = v
u += w
print(u, v, u is v)
print(v == Vec(4, 6), v != w, list(v), [x for x in w])
try:
    v - w
except TypeError as e:
    print("TypeError:", e)
try:
    "s" * v
except TypeError as e:
    print("TypeError:", e)
