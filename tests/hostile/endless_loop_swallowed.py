# expect: step budget
# the budget error must not be catchable by a bare except Exception
while True:
    try:
        while True:
            pass
    except Exception:
        pass
    except BaseException:
        pass
