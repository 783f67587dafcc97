import json, copy, string
d = {"b": [1, 2.5, None, True], "a": {"x": "é\n"}, "c": ()}
print(json.dumps(d))
print(json.dumps(d, indent=2, sort_keys=True))
print(json.dumps(d, ensure_ascii=False, separators=(",", ":")))
try:
    json.dumps({1: object()})
except TypeError as e:
    print(e)
class P:
    def __init__(self):
        self.items = [1, [2]]
p = P()
q = copy.deepcopy(p)
q.items[1].append(3)
r = copy.copy(p)
print(p.items, q.items, r.items is p.items)
l = [[1], [2]]
m = copy.deepcopy(l); m[0].append(9)
print(l, m, string.ascii_lowercase[:5], string.digits)
