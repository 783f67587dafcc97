# features: format spec mini-language, alignment, fill, sign, grouping, precision, types
vals = [0, 7, -7, 1234567, -1234567]
for v in vals:
    print(f"|{v:8}|{v:<8}|{v:^8}|{v:>8}|{v:=8}|{v:+}|{v: }|{v:08}|{v:,}|{v:_}|")
for v in [255, -255, 0]:
    print(f"|{v:b}|{v:#b}|{v:o}|{v:#o}|{v:x}|{v:#X}|{v:#010x}|{v:_b}|")
floats = [0.0, -0.0, 1.5, -1.5, 3.14159265, 1234567.891, 1e-7, 1e20, 0.000123]
for v in floats:
    print(f"|{v}|{v:.2f}|{v:10.3f}|{v:e}|{v:.2E}|{v:g}|{v:.3g}|{v:G}|{v:%}|{v:.1%}|")
for v in floats:
    print(f"|{v:,}|{v:,.2f}|{v:_.1f}|{v:+.1f}|{v:z.1f}|{v:#.0f}|{v:.0e}|{v:#g}|{v:.3}|")
for v in [float("inf"), float("-inf"), float("nan")]:
    print(f"|{v}|{v:f}|{v:F}|{v:10}|{v:<10}|{v:+}|{v:010}|{v:e}|{v:E}|")
for s in ["", "a", "hello", "héllo wörld"]:
    print(f"|{s:10}|{s:>10}|{s:^10}|{s:*^11}|{s:.3}|{s:>8.2}|{s!r:>12}|")
print(f"{1e16:f}", f"{12345.6789:,.2f}", f"{-12345.6789:015,.2f}")
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {0.125:.2f} {0.375:.2f}")
print(f"{123:5d}|{123:<5d}|{123:^5d}|{-123:^7d}|")
print(f"{65:c}{66:c}{0x263A:c}")
print(f"{True:d} {True:>5} {False:5}")
print(f"{1/3:.50f}")
print(f"{2**70:,} {-2**70:x} {2**70:e}")
print(f"{12:n} {1234567:n} {1234.5:n}")
print(f"{1.0:} {1e16:} {123.0:.3} {12.0:.3} {0.0001:.3} {1.0:.0}")
