# features: __getattr__, __getattribute__, __setattr__, __delattr__, dynamic attributes, AttributeError messages
class Dyn:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        print("__getattr__", name)
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")

d = Dyn()
print(d.real, d.auto_thing)
try:
    d.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(d, "auto_x"), getattr(d, "missing", "fallback"), hasattr(d, "zzz"))

class Logged:
    def __setattr__(self, name, value):
        print(f"setattr {name}={value!r}")
        super().__setattr__(name, value)

    def __delattr__(self, name):
        print(f"delattr {name}")
        super().__delattr__(name)

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"getattribute {name}")
        return super().__getattribute__(name)

lg = Logged()
lg.x = 5
print(lg.x)
del lg.x
print(hasattr(lg, "x"))
