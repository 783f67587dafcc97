# features: dict methods, get, setdefault, pop, popitem, update, views, fromkeys, merge operators, ordering
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), "a" in d, 2 in d)
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("a", 100), d.setdefault("z", 26), d)
print(d.pop("z"), d.pop("missing", "default"), d)
print(d.popitem(), d)
d.update({"x": 10}, y=20)
d.update([("w", 0)])
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
k = d.keys()
d["new"] = 1
print(k, len(k), "new" in k)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
print({"a": 1} | {"b": 2}, {"a": 1} | {"a": 3})
e = {"a": 1}
e |= {"c": 3}
print(e)
del d["x"]
print(d)
d["b"] = 99
print(d)
print(sorted(d), sorted(d.items(), key=lambda kv: kv[1]))
print({k: v for k, v in zip("abc", range(3))})
nested = {}
nested.setdefault("list", []).append(1)
nested.setdefault("list", []).append(2)
print(nested)
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(dict(a=1, b=2) == {"b": 2, "a": 1}, list({"b": 1, "a": 2}))
print(d.copy() == d, d.copy() is d, {}.get(1), len({}))
for bad in [lambda: {}["missing"], lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {[1]: 2}]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    for key in d:
        d["added"] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
