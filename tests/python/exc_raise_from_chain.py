# features: raise from, exception chaining, __cause__, __context__, suppress context, uncaught chained error
class ConfigError(Exception):
    pass

def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise ConfigError(f"missing config key {key!r}") from e

try:
    load("b")
except ConfigError as e:
    print("caught:", e)
    print("cause:", repr(e.__cause__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print("context:", repr(e.__context__), "| cause:", e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print("suppressed:", e.__suppress_context__, repr(e.__cause__))
print("about to fail")
load("zzz")
print("unreachable")
