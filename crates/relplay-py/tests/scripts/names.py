class Foo:
    def __init__(self):
        self.bar = 1
try:
    Foo().baz
except AttributeError as e:
    print(e)
try:
    pritn("x")
except NameError as e:
    print(e, e.name)
def g():
    counter = 1
    return countr
try:
    g()
except NameError as e:
    print(e)
Foo().barr
