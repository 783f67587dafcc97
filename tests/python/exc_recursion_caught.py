# features: RecursionError caught, recursion limit message, recursion depth
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

print(depth(0) > 900, sys.getrecursionlimit())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), len(str(fact(500))))

class Node:
    def __init__(self):
        self.me = self
    def __repr__(self):
        return f"Node({self.me!r})"

try:
    repr(Node())
except RecursionError as e:
    print("RecursionError:", e)
print("still running")
