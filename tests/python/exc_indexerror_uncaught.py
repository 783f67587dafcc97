# features: IndexError uncaught inside function, list access
def nth(xs, n):
    print("looking up", n)
    return xs[n]

data = [10, 20, 30]
print(nth(data, 0), nth(data, -1))
print(data[1:10], data[-10:1])
print(nth(data, 3))
