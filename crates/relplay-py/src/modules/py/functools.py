# functools for the playground.

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    try:
        wrapper.__dict__.update(wrapped.__dict__)
    except AttributeError:
        pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=('__dict__',)):
    def deco(wrapper):
        return update_wrapper(wrapper, wrapped, assigned, updated)
    return deco


_initial_missing = object()


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        kw.update(keywords)
        return self.func(*self.args, *args, **kw)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(a) for a in self.args)
        parts.extend(f'{k}={v!r}' for k, v in self.keywords.items())
        return 'functools.partial(' + ', '.join(parts) + ')'


class _CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))
    hits = property(lambda self: self[0])
    misses = property(lambda self: self[1])
    maxsize = property(lambda self: self[2])
    currsize = property(lambda self: self[3])
    def __repr__(self):
        return f'CacheInfo(hits={self[0]}, misses={self[1]}, maxsize={self[2]}, currsize={self[3]})'


def lru_cache(maxsize=128, typed=False):
    def deco(func):
        cache = {}
        def wrapper(*args, **kw):
            key = (args, tuple(sorted(kw.items())))
            if key in cache:
                return cache[key]
            r = func(*args, **kw)
            cache[key] = r
            return r
        stats = [0, 0]
        def wrapper(*args, **kw):
            key = (args, tuple(sorted(kw.items())))
            if key in cache:
                stats[0] += 1
                return cache[key]
            stats[1] += 1
            r = func(*args, **kw)
            cache[key] = r
            return r
        def cache_info():
            return _CacheInfo(stats[0], stats[1], maxsize if not callable(maxsize) else 128, len(cache))
        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, func)
    if callable(maxsize):
        return deco(maxsize)
    return deco


def cache(func):
    return lru_cache(None)(func)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        val = self.func(instance)
        instance.__dict__[self.attrname] = val
        return val


def total_ordering(cls):
    d = cls.__dict__
    if '__lt__' in d:
        cls.__gt__ = lambda self, other: other < self
        cls.__le__ = lambda self, other: not other < self
        cls.__ge__ = lambda self, other: not self < other
    elif '__gt__' in d:
        cls.__lt__ = lambda self, other: other > self
        cls.__ge__ = lambda self, other: not other > self
        cls.__le__ = lambda self, other: not self > other
    elif '__le__' in d:
        cls.__ge__ = lambda self, other: other <= self
        cls.__lt__ = lambda self, other: not other <= self
        cls.__gt__ = lambda self, other: not self <= other
    elif '__ge__' in d:
        cls.__le__ = lambda self, other: other >= self
        cls.__gt__ = lambda self, other: not other >= self
        cls.__lt__ = lambda self, other: not self >= other
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    return cls


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
    return K


def singledispatch(func):
    registry = {}
    def dispatch(cls):
        for c in cls.__mro__:
            if c in registry:
                return registry[c]
        return func
    def wrapper(*args, **kw):
        return dispatch(type(args[0]))(*args, **kw)
    def register(cls, f=None):
        if f is None:
            def deco(g):
                registry[cls] = g
                return g
            return deco
        registry[cls] = f
        return f
    wrapper.register = register
    return update_wrapper(wrapper, func)
