# expect: done 1000
import sys
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print("done", sys.getrecursionlimit())
raise SystemExit("done %d" % sys.getrecursionlimit())
