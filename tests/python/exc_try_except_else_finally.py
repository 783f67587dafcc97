# features: try/except/else/finally ordering, return in finally, nested try, re-raise
def attempt(x):
    print("attempt", x)
    try:
        print("  try")
        r = 10 / x
    except ZeroDivisionError as e:
        print("  except", type(e).__name__, e)
        return "from except"
    else:
        print("  else", r)
        return "from else"
    finally:
        print("  finally")

print(attempt(2))
print(attempt(0))

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides())

def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            print("inner handler", repr(e))
            raise ValueError("converted")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer handler", e, "| context:", repr(e.__context__))
    finally:
        print("outer finally")

nested()

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
