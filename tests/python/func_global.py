# features: global statement, module state, shadowing, globals lookup, builtins shadowing
counter = 0

def bump():
    global counter
    counter += 1
    return counter

print(bump(), bump(), counter)

def shadow():
    counter = "local"
    return counter

print(shadow(), counter)

def create_global():
    global created
    created = "made inside"

create_global()
print(created)

def read_only():
    return counter * 10

print(read_only())
len_backup = len

def len(x):
    return "shadowed len"

print(len([1, 2, 3]))
del len
print(len([1, 2, 3]))
x = 1

def f():
    print("x in f:", x)

def g():
    x = 2
    f()
    print("x in g:", x)

g()
print("globals has counter:", "counter" in globals(), globals()["counter"])
print(sorted(k for k in globals() if not k.startswith("__")))
