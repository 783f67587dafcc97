# abc for the playground: ABC, ABCMeta, abstractmethod.

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstracts(cls):
    names = set()
    for name in dir(cls):
        try:
            value = getattr(cls, name)
        except AttributeError:
            continue
        if getattr(value, '__isabstractmethod__', False):
            names.add(name)
    return sorted(names)


class ABCMeta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, ns, **kwargs)
        cls._abc_registry = []
        cls.__abstractmethods__ = frozenset(_abstracts(cls))
        return cls

    def register(cls, subclass):
        # A virtual subclass of cls is one of every ABC cls derives from.
        for c in cls.__mro__:
            reg = c.__dict__.get('_abc_registry')
            if reg is not None and subclass not in reg:
                reg.append(subclass)
        return subclass

    def __call__(cls, *args, **kwargs):
        abstract = _abstracts(cls)
        if abstract:
            s = 's' if len(abstract) > 1 else ''
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} {', '.join(abstract)}")
        return type.__call__(cls, *args, **kwargs)

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, '__mro__', ()):
            return True
        for r in cls.__dict__.get('_abc_registry', ()):
            if r is subclass or r in getattr(subclass, '__mro__', ()):
                return True
        hook = cls.__dict__.get('_abc_methods')
        if hook:
            for m in hook:
                if not any(m in B.__dict__ for B in subclass.__mro__):
                    return False
            return True
        return False


class ABC(metaclass=ABCMeta):
    pass
