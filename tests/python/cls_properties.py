# features: property getter, setter, deleter, read-only property error, computed attributes
class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        print("set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        del self._celsius
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 10
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_celsius"))
print(type(Temperature.celsius).__name__, Temperature.fahrenheit.fget.__name__)
class Circle:
    def __init__(self, r):
        self.r = r
    area = property(lambda self: round(3.14159 * self.r ** 2, 2), doc="the area")
c = Circle(2)
print(c.area, Circle.area.__doc__)
c.r = 3
print(c.area)
class Lazy:
    def __init__(self):
        self._cache = None
    @property
    def value(self):
        if self._cache is None:
            print("computing")
            self._cache = 42
        return self._cache
lz = Lazy()
print(lz.value, lz.value)
