# features: yield from delegation, subgenerator return value, generator close with finally, throw into generator
def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner said", result)
    yield from [3, 4]
    yield from "ab"

print(list(outer()))

def closable():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

c = closable()
print(next(c))
c.close()
print("closed")

def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as err:
            print("caught", err)
            yield "recovered"

t = catcher()
print(next(t))
print(t.throw(ValueError("boom")))
print(next(t))
