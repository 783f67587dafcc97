x = (a) + f(b, *c)[1:2].d
def f(a, b: int = 1) -> int:
    """Doc."""
    return a if b else -a
class A(B):
    y: int = [i for i in range(3)]
for i, j in z:
    if i and j or not i:
        continue
with open(p) as fh, (q):
    s = "a" 'b'
try:
    pass
except E as e:
    raise X from e
print(f"{x!r}", k=(1,
                   2))
