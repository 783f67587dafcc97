# expect: RecursionError: maximum recursion depth exceeded
class A:
    def __repr__(self):
        return repr(self)
print(A())
