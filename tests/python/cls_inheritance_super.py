# features: inheritance, super(), method overriding, isinstance, issubclass, __init__ chaining
class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"

class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("Dog.__init__", breed)

    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        base = super().speak()
        return base + " softly"

animals = [Animal("generic"), Dog("rex", "lab"), Puppy("bit", "pug")]
for a in animals:
    print(a.describe())
p = animals[2]
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(animals[0], Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, (int, Animal)))
print(Puppy.__mro__)
print(Puppy.__bases__, Dog.__base__, Animal.__bases__)
print(type(p).__mro__[1].__name__, p.kind, p.breed)
print(super(Dog, p).speak())

class Base:
    def hello(self):
        return "Base.hello"

class Child(Base):
    def hello(self):
        return "Child.hello -> " + super().hello()

print(Child().hello(), Base.hello(Child()))

class WithClassMethod:
    @classmethod
    def create(cls):
        return cls()

class Sub(WithClassMethod):
    pass

print(type(Sub.create()).__name__, type(WithClassMethod.create()).__name__)
