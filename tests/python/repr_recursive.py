# features: recursive list and dict repr, self-reference
a = [1, 2]
a.append(a)
print(a)
print(repr(a), len(a))
d = {"name": "d"}
d["self"] = d
print(d)
b = [a, a]
print(b)
x = []
y = [x]
x.append(y)
print(x, y)
t = ([],)
t[0].append(t)
print(t)
nested = {"l": [1]}
nested["l"].append(nested)
print(nested)
print(a[2] is a, d["self"] is d)
print(str(a) == repr(a))
