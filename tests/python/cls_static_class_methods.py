# features: staticmethod, classmethod, alternate constructors, class state
class Date:
    created = 0

    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
        Date.created += 1

    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    @classmethod
    def count(cls):
        return f"{cls.__name__}: {cls.created}"

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m:02d}, {self.d:02d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-09"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(2020, 1, 1).is_leap(2024))
print(Date.count(), MyDate.count())
print(type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["count"]).__name__)
f = Date.is_leap
print(f(2023), callable(f))
print([Date.is_leap(y) for y in range(1996, 2005)])

class Registry:
    items = []

    @classmethod
    def register(cls, item):
        cls.items.append(item)
        return len(cls.items)

print(Registry.register("a"), Registry.register("b"), Registry.items)
