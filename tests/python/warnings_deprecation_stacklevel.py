# features: DeprecationWarning with stacklevel, warnings shown once per location, warning to error
import warnings

def deprecated_function():
    warnings.warn("deprecated_function is deprecated; use new_function", DeprecationWarning, stacklevel=2)
    return "result"

def caller():
    return deprecated_function()

print(caller())
print(caller())
print(deprecated_function())
warnings.warn("top-level deprecation", DeprecationWarning)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", UserWarning)
    except UserWarning as e:
        print("raised:", type(e).__name__, e)
print("end")
