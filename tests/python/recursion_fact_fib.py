# features: recursion, factorial, fibonacci, memoization with lru_cache, mutual recursion, hanoi
from functools import lru_cache

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fact(i) for i in range(10)])
print(fact(25))
print([fib(i) for i in range(15)])

@lru_cache(maxsize=None)
def fib_fast(n):
    return n if n < 2 else fib_fast(n - 1) + fib_fast(n - 2)

print(fib_fast(90), fib_fast.cache_info())

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(3))
moves = []

def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src)

hanoi(3, "A", "C", "B")
print(len(moves), moves)

def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]

print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))

def permutations(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in permutations(s[:i] + s[i + 1:])]

print(permutations("abc"))

def depth(d):
    return 1 + max((depth(v) for v in d.values() if isinstance(v, dict)), default=0)

print(depth({"a": {"b": {"c": {}}, "d": {}}}))
