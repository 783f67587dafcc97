# features: f-string = debugging specifier, whitespace preservation, conversions and specs with =
x = 42
name = "Ann"
pi = 3.14159
items = [1, 2, 3]
d = {"k": "v"}

class P:
    attr = "value"

p = P()
print(f"{x=}")
print(f"{x = }")
print(f"{x=  }")
print(f"{name=}")
print(f"{name=!s}")
print(f"{name=!r:>10}")
print(f"{pi=:.2f}")
print(f"{pi = :10.3f}|")
print(f"{x * 2 + 1=}")
print(f"{items[1:]=}")
print(f"{d['k']=}")
print(f"{p.attr=}")
print(f"{len(items)=} {sum(items)=}")
print(f"{None=} {True=}")
print(f"{x=}, {name=}, {pi=}")
print(f"{'literal'=}")
print(f"{x=:#x} {x=:b}")
print(f"{[i for i in range(3)]=}")
