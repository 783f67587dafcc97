# features: KeyError uncaught, dict lookup, traceback line
inventory = {"apples": 3, "pears": 0}
for fruit in ["apples", "pears"]:
    print(fruit, inventory[fruit])
print(inventory.get("plums", "no plums"))
print(sorted(inventory.items()))
total = sum(inventory.values())
print("total", total)
print(inventory["plums"])
print("unreachable")
