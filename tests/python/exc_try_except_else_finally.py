# features: try/except/else/finally ordering, return in finally overrides, nested try with conversion, __context__
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
