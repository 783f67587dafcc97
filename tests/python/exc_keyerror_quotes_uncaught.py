# features: KeyError message repr of str with quotes, tuple and int keys, uncaught KeyError with tuple key
def show(key):
    try:
        {}[key]
    except KeyError as e:
        print("KeyError:", e, "| repr:", repr(e), "| args:", e.args)

show("plain")
show("it's")
show('say "hi"')
show(42)
show(None)
show(("a", 1))
show("")
grid = {(0, 0): "origin", (0, 1): "east"}
print(grid[0, 0], grid[(0, 1)])
print(grid[1, 1])
