# features: json.loads (values, nesting, error messages with line/column), json.dumps indent/sort_keys, copy.deepcopy of object trees, recursive generators with yield from, datetime arithmetic
import json, copy, datetime
class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []
    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"
root = Node("r", [Node("a"), Node("b", [Node("c")])])
c = copy.deepcopy(root)
c.children[0].name = "z"
print(root, c)
print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}, indent=2, sort_keys=True))
print(json.dumps({"x": 1}, ensure_ascii=False), json.loads('{"k": [1, 2, {"z": null}]}'))
def walk(n, depth=0):
    yield depth, n.name
    for ch in n.children:
        yield from walk(ch, depth + 1)
for depth, name in walk(root):
    print("  " * depth + name)
print(datetime.date(2024, 1, 31) + datetime.timedelta(days=1), datetime.datetime(2024, 5, 6, 7, 8, 9).isoformat())
print(repr(datetime.date(2024, 2, 29)), datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1))
try:
    json.dumps({"n": Node("x")})
except TypeError as e:
    print("TypeError:", e)
for bad in ['[1,', '{"a" 1}', '', '[1] x', '"abc', '{"a":1,}', '[1 2]', '"\\q"', '\n\n  [1,\n  x]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e, "|", e.msg, e.pos, e.lineno, e.colno)
print(json.loads('[-0, 1.5e3, 2E-2, -12, "a\\u00e9\\ud83d\\ude00\\n", {"k": {}}]'), json.loads(' {"b": [true, false, null]} ', object_hook=dict))
