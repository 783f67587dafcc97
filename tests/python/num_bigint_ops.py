# features: big integer arithmetic, isqrt, gcd, negative floor division, string conversion, comparisons with floats
import math
a = 3 ** 80
b = 2 ** 100 + 7
print(a, b)
print(a + b, a - b, a * b)
print(a // b, a % b, -a // b, -a % b, divmod(b, 12345678901))
print(math.isqrt(10 ** 40), math.isqrt(2 ** 101), math.gcd(a, 3 ** 50), math.gcd(b, 14))
print(a > 1e38, a < 1e39, float(a), a == float(a), int(float(a)) == a)
print(str(-b)[:10], len(str(a * b)), sum(int(c) for c in str(2 ** 100)))
print(b.bit_length(), (-b).bit_length(), bin(b).count("1"), hex(b))
print(abs(-a) == a, -(-a) == a, pow(b, 3, 10 ** 9 + 7), b ** 0, (-1) ** b)
print(10 ** 18 + 1, 10 ** 19 - 1, -10 ** 19, (10 ** 19) // -3, (10 ** 19) % -3)
print(int("-" + "9" * 30) // 10 ** 20, round(a, -30), round(b, -5))
print(max(a, b), min(a, -b), sorted([b, a, 0, -a]))
print(f"{a:,}", f"{b:_x}", f"{a:e}", f"{-b:+,d}")
