# features: IndexError uncaught inside function, list access
def nth(xs, n):
    print("looking up", n)
    return xs[n]

data = [10, 20, 30]
print(nth(data, 0), nth(data, -1), nth(data, -3))
print(data[1:10], data[-10:1], data[5:])
for i in range(len(data)):
    print(i, nth(data, i))
print(nth(data, 3))
