# features: ImportError, ModuleNotFoundError uncaught, from import errors caught
import sys, math
print(math.floor(2.7))
try:
    from sys import nosuch  # a built-in module: no file path in the message
except ImportError as e:
    print("ImportError:", e)
try:
    import nosuch_module_abc
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name)
import nosuch_module_xyz
