# features: __init_subclass__, class keyword arguments, registry pattern, __set_name__
class Plugin:
    registry = {}

    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        print("registering", key, cls.__name__)
        Plugin.registry[key] = cls

class Json(Plugin, name="json"):
    pass

class Yaml(Plugin):
    pass

class StrictYaml(Yaml, name="strict"):
    pass

print(sorted(Plugin.registry), Plugin.registry["json"].__name__)
print([c.__name__ for c in StrictYaml.__mro__])

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, f"<unset {self.name}>")

class Model:
    title = Field()
    body = Field()

m = Model()
print(m.title, m.body)
m.__dict__["title"] = "Hello"
print(m.title, type(Model.title).__name__)

try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
