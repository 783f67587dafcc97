# features: IndentationError, unexpected indent, nothing runs before a compile error
print("never printed")


def f():
    x = 1
        y = 2
    return x + y


print(f())
