# features: warnings.warn, UserWarning, custom warning category, simplefilter, catch_warnings
import warnings

def old_api():
    warnings.warn("old_api is slow")
    return 1

print("before", old_api())

class MyWarning(UserWarning):
    pass

warnings.warn("custom category", MyWarning)
warnings.warn("runtime trouble", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("recorded one")
    warnings.warn("recorded two", FutureWarning)
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
print("after")
