# features: slicing, negative indices, steps, slice assignment, deletion, strings and tuples
xs = list(range(10))
print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[:-3], xs[-5:-2])
print(xs[::2], xs[1::2], xs[::-1], xs[::-3], xs[8:2:-2], xs[2:8:-1])
print(xs[100:], xs[-100:2], xs[5:5], xs[3:1], xs[:])
print(xs[slice(1, 4)], xs[slice(None, None, -4)])
s = "abcdefgh"
print(s[1:4], s[::-1], s[-1], s[::3], s[5:100], s[-100:-5])
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-2], t[:0], type(t[1:2]).__name__)
ys = list(range(6))
ys[1:3] = ["a", "b", "c"]
print(ys)
ys[::2] = [9, 9, 9, 9] if len(ys[::2]) == 4 else ys[::2]
print(ys)
ys[:] = [1, 2, 3]
print(ys)
ys[1:1] = [7, 8]
print(ys)
ys[-1:] = []
print(ys)
del ys[0]
print(ys)
del ys[::2]
print(ys)
zs = list(range(10))
del zs[2:5]
print(zs)
del zs[-2:]
print(zs)
zs[len(zs):] = [100]
print(zs)
try:
    zs[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
print(slice(1, 10, 2).indices(5), range(10)[2:8:3], range(10)[::-1])
