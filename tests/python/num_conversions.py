# features: int(), float(), str() conversions, bases, bin/hex/oct, parse errors caught
print(int("42"), int(" -17 "), int("+3"), int("1_000"), int("0"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Z", 36), int("777", 8), int("101", 2), int("١٢٣"))
print(int(3.9), int(-3.9), int(True), int(1e10))
print(float("1.5"), float(" 2 "), float("-inf"), float("nan"), float("1e-3"), float("1_0.5"))
print(float(3), float("  .5"), float("5."), float("+1E5"), float("Infinity"))
print(str(42), str(-0.0), str(1e16), str([1, "a"]), str(None))
print(bin(10), oct(10), hex(10), hex(-10), bin(0), hex(2**40))
print(format(10, "b"), format(255, "x"), format(8, "o"), format(255, "#010b"))
print(chr(65), ord("A"), chr(8364), ord("€"))
print(bool(""), bool("0"), bool(0.0), bool([]), bool([0]), bool(None))
print(list("abc"), tuple([1, 2]), set([1, 1, 2]), dict([(1, 2)]))
print(round(float("2.5")), int(float("2.9")), int("  12\n"))
bad = ["", "abc", "1.5", "1 2", "0x10", "1__0", "_1", "08"]
for s in bad:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
for s, b in [("12", 1), ("12", 37), ("9", 8), ("0b2", 0)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print("ValueError:", e)
for s in ["", "abc", "1.2.3", "1e", "--1", "0x10", "inf inity"]:
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError:", e)
for v in [None, [1], 1j]:
    try:
        print(int(v))
    except TypeError as e:
        print("TypeError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
