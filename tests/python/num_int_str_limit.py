# features: int/str conversion digit limit (Python 3.11), sys.set_int_max_str_digits, huge int arithmetic still allowed
import sys
big = 10 ** 5000
print(big.bit_length(), big % 97, len(hex(big)))
try:
    s = str(big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", e)
ok = 10 ** 4299
print(len(str(ok)))
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(6000)
print(len(str(big)), str(big)[:5], str(big)[-3:])
print(len(str(int("7" * 5500))))
