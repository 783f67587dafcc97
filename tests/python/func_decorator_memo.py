# features: memoizing decorator with closure cache, function attributes, UnboundLocalError from augmented assignment in closure
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memo
def slow_square(n):
    print("computing", n)
    return n * n

print(slow_square(4), slow_square(4), slow_square(5), sorted(slow_square.cache.items()))

def broken():
    total = 0
    def add():
        total += 1
    add()

try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
