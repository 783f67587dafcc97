# features: assert statement, AssertionError with message, uncaught
def check_positive(x):
    assert x > 0, f"expected positive, got {x}"
    return x

print(check_positive(5))
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), str(e) == "")
try:
    check_positive(0)
except AssertionError as e:
    print("caught:", e)
check_positive(-3)
