# features: __lt__ only, sorted calling __lt__ (comparison order traced), reflected > via __lt__
class Num:
    def __init__(self, n):
        self.n = n
    def __lt__(self, o):
        print(f"lt {self.n} {o.n}")
        return self.n < o.n
    def __repr__(self):
        return f"Num({self.n})"

print(sorted([Num(3), Num(1), Num(2)]))
print(Num(5) > Num(2))
print(max([Num(4), Num(9), Num(2)]))
print(min(Num(7), Num(3)))
print(sorted([Num(i) for i in [5, 2, 8, 1, 9, 3]]))
print(Num(1) < Num(2), Num(3) < Num(1))
