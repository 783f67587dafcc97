# features: ZeroDivisionError uncaught several frames deep, innermost line reported
def ratio(a, b):
    print(f"ratio({a}, {b})")
    return a / b

def average(values):
    return ratio(sum(values), len(values))

def report(groups):
    for name, values in groups:
        print(name, average(values))

report([("first", [1, 2, 3]), ("second", [10])])
report([("third", [4, 4]), ("empty", []), ("never", [1])])
