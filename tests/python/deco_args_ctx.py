# features: decorators with arguments (functools.wraps), stacked decorators, class decorators, context managers with exceptions (suppress, re-raise, __exit__ return), contextlib.contextmanager
import functools
from contextlib import contextmanager


def log_calls(prefix="call", *, show_result=False):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            parts = [repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()]
            print(f"{prefix}: {fn.__name__}({', '.join(parts)})")
            result = fn(*args, **kwargs)
            if show_result:
                print(f"{prefix}: -> {result!r}")
            return result
        return wrapper
    return decorate


def twice(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        fn(*a, **k)
        return fn(*a, **k)
    return wrapper


@log_calls("trace", show_result=True)
def add(a, b=10):
    """Add two numbers."""
    return a + b


@twice
@log_calls()
def greet(name):
    return f"hi {name}"


print(add(1), add(2, b=3))
print(greet("ann"))
print(add.__name__, add.__doc__, add.__wrapped__(5, 5), greet.__name__)


def register(cls=None, *, name=None):
    def wrap(c):
        c.registered_as = name or c.__name__.lower()
        return c
    return wrap if cls is None else wrap(cls)


@register
class A:
    pass


@register(name="bee")
class B:
    pass


print(A.registered_as, B.registered_as)


class Transaction:
    def __init__(self, name, swallow=()):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print(f"begin {self.name}")
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print(f"commit {self.name}")
            return False
        print(f"rollback {self.name}: {exc_type.__name__}: {exc}")
        return issubclass(exc_type, self.swallow)


with Transaction("t1") as t:
    print("inside", t.name)
with Transaction("t2", swallow=(KeyError,)):
    {}["missing"]
print("after t2")
try:
    with Transaction("t3", swallow=(KeyError,)):
        raise ValueError("bad value")
except ValueError as e:
    print("propagated:", e, e.__context__)
try:
    with Transaction("outer"), Transaction("inner", swallow=(ZeroDivisionError,)):
        1 / 0
    with Transaction("outer2"), Transaction("inner2"):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", repr(e))


@contextmanager
def session_scope(label):
    print("open", label)
    try:
        yield label.upper()
        print("commit", label)
    except LookupError as e:
        print("rollback", label, type(e).__name__, e)
        raise
    finally:
        print("close", label)


with session_scope("s1") as s:
    print("using", s)
try:
    with session_scope("s2"):
        [][1]
except IndexError as e:
    print("outer saw", e)


@contextmanager
def suppressing():
    try:
        yield
    except ZeroDivisionError:
        print("suppressed")


with suppressing():
    1 // 0
print("done")
