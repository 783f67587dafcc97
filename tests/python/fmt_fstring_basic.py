# features: f-strings, conversions, nested fields, = specifier, expressions
name = "World"
n = 42
x = 3.14159
items = ["a", "b"]
d = {"key": "value", "n": 7}
print(f"Hello, {name}!")
print(f"{n} {x} {items} {d}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{n=} {x=} {name=}")
print(f"{n = } {n*2=} {name=!r} {x=:.2f}")
print(f"{items[0]} {d['key']} {d['n'] + 1}")
print(f"{n + 1} {n * 2} {n // 5} {n % 5} {-n}")
print(f"{'nested ' + name}")
print(f"{f'{n}'}", f'''{f"{f'{x}'}"}''')
print(f"{{literal braces}} {{{n}}}")
print(f"{len(items)} {max(3, 7)} {sorted([3, 1, 2])}")
print(f"{True} {None} {1 < 2}")
print(f"{n if n > 40 else 0}")
print(f"{[i * i for i in range(4)]}")
print(f"{x:{n}}|")
width = 10
prec = 3
print(f"{x:{width}.{prec}}|{x:>{width}.{prec}f}|")
print(f"{name:{'>'}{width}}")
print(f"{'a' 'b'}")
print(F"upper F {n}", rf"raw \n {n}", fr"{name}\t")
print(f"""triple {n}
second line {name}""")
obj = object
print(f"{obj.__name__!r:>10}")
print(f"{3.0}", f"{1e16}", f"{-0.0}", f"{2**64}")
print(f"{'x':*^7}", f"{'':->5}", f"{None!s:>6}")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#x} {n:c}")
