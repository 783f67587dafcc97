# features: uncaught exception traceback through several frames (methods, nested functions, lambda, comprehension, property), raise from, chained context
class Repo:
    def __init__(self):
        self.items = {"a": 1}

    def get(self, key):
        return self._lookup(key)

    def _lookup(self, key):
        return self.items[key]

    @property
    def first(self):
        return self.get("zz")


def service(repo, keys):
    return [repo.get(k) for k in keys]


def handler(repo):
    try:
        return service(repo, ["a", "b"])
    except KeyError as e:
        raise LookupError(f"missing key {e}") from e


r = Repo()
try:
    handler(r)
except LookupError as e:
    print("caught:", e, "| cause:", repr(e.__cause__))
try:
    r.first
except KeyError as e:
    print("KeyError", e)


def level3(x):
    return (lambda y: y / 0)(x)


def level2(x):
    try:
        return level3(x)
    except ZeroDivisionError:
        return {}["context"]


def level1():
    return level2(1)


level1()
