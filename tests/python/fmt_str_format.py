# features: str.format, positional, keyword, auto numbering, attributes, items, nested specs
print("{} {}".format("a", "b"))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[0]} {0[1]} {1[key]}".format([10, 20], {"key": "v"}))

class P:
    x = 1
    y = "why"

print("{0.x} {0.y} {p.x}".format(P, p=P))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:{}}|{:>{w}.{p}f}|".format("x", 5, 3.14159, w=10, p=2))
print("{0!r} {0!s} {0!a}".format("é"))
print("{!r:>10}".format("q"))
print("{{}} {{{}}}".format(7))
print("{:,} {:_x} {:08.3f} {:+e}".format(1234567, 65535, 3.14159, 12.5))
print("{0:b} {0:o} {0:x} {0:#X} {0:c}".format(90))
data = {"a": 1, "b": 2}
print("{a} and {b}".format(**data))
print("{a} and {b}".format_map(data))
print("{0} {0!r}".format(None))
print("{:%} {:.1%}".format(0.25, 0.125))
print("{:10.3} {:.3} {}".format(1.23456, "abcdef", 1e16))
print("{:=+8} {:0=8}".format(42, -42))
print("{:*<6}{:#>6}".format(1, 2))
print("{0}{1}{0}".format("ab", "cd"))
fmt = "{:>5}" * 3
print(fmt.format(1, 22, 333))
print("{}".format([1, "a"]), "{}".format({"k": (1,)}))
print("{:d}".format(True), "{}".format(True), "{:>5}".format(True))
print("{} {}".format(1.0, -0.0))
print("{0.real} {0.imag}".format(5))
print("{[1]}".format("xyz"))
