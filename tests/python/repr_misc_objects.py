# features: repr of None, bool, range, slice, functions, classes, instances, bound methods, builtins, types
def f():
    pass

class A:
    def method(self):
        return 1

    @classmethod
    def cm(cls):
        return cls

    @staticmethod
    def sm():
        return 2

a = A()
print(None, True, False, repr(None), str(True))
print(range(5), range(1, 10), range(0, 10, 3), range(5, 0, -1))
print(list(range(0)), list(range(10, 0, -3)), len(range(0, 100, 7)))
print(slice(1, 2), slice(None, 5), slice(1, None, -1), slice(3))
print(f)
print(A, A.__name__, A.__qualname__, A.__module__)
print(a)
print(a.method)
print(A.method)
print(A.cm, A.sm)
print(len, print, abs)
print(int, str, type, object, list, dict, type(None))
print(type(1), type("s"), type(1.5), type([]), type(a), type(A), type(f))
print(type(len), type(a.method), type(range(1)), type(slice(1)))
print(lambda x: x)
print(NotImplemented, Ellipsis, ...)
print([f, A], {"cls": A})
print(object())
print(iter([1, 2]), iter((1,)), iter(range(3)))
print(reversed([1, 2]), enumerate([1]), zip([1], [2]), map(str, [1]), filter(None, [1]))
print(f.__name__, (lambda: 0).__name__, A.method.__qualname__)

def outer():
    def inner():
        pass
    return inner

print(outer(), outer().__qualname__)
print(int.__name__, type(a).__name__, a.__class__)
print(repr(range(3)) == "range(0, 3)", str(slice(None)))
print((x for x in []))
