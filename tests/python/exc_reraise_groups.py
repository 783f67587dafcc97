# features: bare raise re-raises, except clause tuples and hierarchy order, try/else/finally without exception, except-as variable deleted
def reraise():
    try:
        [][0]
    except IndexError:
        print("logging and re-raising")
        raise

try:
    reraise()
except IndexError as e:
    print("caught again:", e)
for exc in [TypeError("t"), ValueError("v"), KeyError("k"), RuntimeError("r")]:
    try:
        raise exc
    except (TypeError, ValueError) as e:
        print("group 1:", type(e).__name__, e)
    except LookupError as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)
try:
    pass
except Exception:
    print("never")
else:
    print("no exception -> else")
finally:
    print("done")
e = "unchanged"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e" in dir())
