# features: TypeError uncaught, unsupported operand, string concatenation
def label(name, count):
    return name + ": " + count

print(label("ok", "5"))
print("count" + str(3))
items = ["a", "b"]
print(f"{len(items)} items")
print(label("items", str(len(items))))
print([1] + [2], (1,) + (2,), "a" "b")
print(label("items", len(items)))
