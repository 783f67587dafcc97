# features: int arithmetic, floor division, modulo with negatives, power, divmod, bool arithmetic
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b, a * b, a - b)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0, 10 ** 0)
print(pow(2, 10), pow(2, -2), pow(7, 2, 5), pow(-7, 2, 5), pow(3, -1, 7))
print(abs(-5), abs(5), -(-5), +5)
print(True + True, True * 10, False - 1, True / 2, True // 1, -True)
print(sum([True, True, False]), int(True), bool(2), bool(0))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 4, 256 >> 3, -256 >> 3)
print(17 % 5, -17 % 5, 17 % -5, -17 % -5)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(round(7), round(15, -1), round(25, -1), round(-25, -1), round(1234, -2))
print(int(7.9), int(-7.9), int("42"), int("-0"), int(" 12 "))
print(max(3, 9, 1), min(3, 9, 1), sum(range(101)))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
y = 6
y <<= 2
y |= 1
y &= 0b11101
y ^= 3
y >>= 1
print(y)
print(3 * (4 + 5) - 6 / 2, 2 + 3 * 4 ** 2, (2 + 3) * 4, 10 - 2 - 3, 2 ** 3 ** 2)
print(1_000 * 1_000, 0xff + 0o17 + 0b11)
print((5).bit_length(), (255).bit_length(), (-1).bit_length(), (0).bit_length())
print(int.from_bytes(b"\x01\x00", "big"), (256).to_bytes(2, "little"))
print(isinstance(True, int), True == 1, False == 0, True is not False)
