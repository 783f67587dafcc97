# features: with statement, __enter__/__exit__, exception suppression, contextlib.contextmanager, nested with, suppress
from contextlib import contextmanager, suppress

class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

with Resource("a") as r:
    print("inside", r.name)
with Resource("b", swallow=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Resource("c"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))
with Resource("outer") as o, Resource("inner") as i:
    print("both", o.name, i.name)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ZeroDivisionError as e:
        print("handled inside generator:", e)
    finally:
        print(f"</{name}>")

with tag("p") as t:
    print("content", t)
with tag("div"):
    1 / 0
print("after div")
with suppress(FileNotFoundError, KeyError):
    {}["missing"]
print("suppressed KeyError")

class Timer:
    def __enter__(self):
        self.steps = []
        return self.steps
    def __exit__(self, *args):
        print("steps:", self.steps, "args:", args)

with Timer() as steps:
    steps.append("one")
    steps.append("two")
