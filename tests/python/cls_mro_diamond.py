# features: multiple inheritance, diamond, MRO, super chain, cooperative init
class A:
    def __init__(self):
        print("A init")
        super().__init__()
    def who(self):
        return ["A"]
class B(A):
    def __init__(self):
        print("B init")
        super().__init__()
    def who(self):
        return ["B"] + super().who()
class C(A):
    def __init__(self):
        print("C init")
        super().__init__()
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def __init__(self):
        print("D init")
        super().__init__()
    def who(self):
        return ["D"] + super().who()
d = D()
print(d.who())
print([k.__name__ for k in D.__mro__])
print(D.mro() == list(D.__mro__))
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
class Left:
    tag = "left"
class Right:
    tag = "right"
class Both(Left, Right):
    pass
class Both2(Right, Left):
    pass
print(Both.tag, Both2.tag)
try:
    class Bad(X, Z):
        pass
except TypeError as e:
    print("TypeError:", e)
class M1:
    def f(self):
        return "M1"
class M2(M1):
    pass
class M3(M1):
    def f(self):
        return "M3"
class M4(M2, M3):
    pass
print(M4().f(), [k.__name__ for k in M4.__mro__])
