# collections for the playground.

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self)
        dict.update(self, *args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        v = self.default_factory()
        self[key] = v
        return v

    def __repr__(self):
        return f'defaultdict({self.default_factory!r}, {dict.__repr__(self)})'

    def copy(self):
        return defaultdict(self.default_factory, self)


class OrderedDict(dict):
    def __repr__(self):
        if not self:
            return 'OrderedDict()'
        return f'OrderedDict({list(self.items())!r})'

    def move_to_end(self, key, last=True):
        v = self.pop(key)
        if last:
            self[key] = v
        else:
            items = list(self.items())
            self.clear()
            self[key] = v
            for k, x in items:
                self[k] = x

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        key = next(reversed(list(self.keys()))) if last else next(iter(self))
        return key, self.pop(key)


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self[k] = self[k] + v
            else:
                for k in iterable:
                    self[k] = self[k] + 1
        for k, v in kwds.items():
            self[k] = self[k] + v

    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        for k, v in self.items():
            for _ in range(v):
                yield k

    def total(self):
        return sum(self.values())

    def __repr__(self):
        if not self:
            return 'Counter()'
        return 'Counter({' + ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common()) + '})'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = tuple(field_names)
    defaults = tuple(defaults) if defaults is not None else ()
    nreq = len(field_names) - len(defaults)

    def __new__(cls, *args, **kwargs):
        if len(args) > len(field_names):
            raise TypeError(f'{typename}.__new__() takes {len(field_names) + 1} positional arguments but {len(args) + 1} were given')
        values = list(args)
        for name in field_names[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            else:
                i = field_names.index(name)
                if i >= nreq:
                    values.append(defaults[i - nreq])
                else:
                    missing = [n for n in field_names[len(values):] if n not in kwargs and field_names.index(n) < nreq]
                    lst = ' and '.join(f"'{m}'" for m in missing)
                    raise TypeError(f'{typename}.__new__() missing {len(missing)} required positional argument{"s" if len(missing) != 1 else ""}: {lst}')
        if kwargs:
            k = next(iter(kwargs))
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{k}'")
        return tuple.__new__(cls, values)

    def __repr__(self):
        return typename + '(' + ', '.join(f'{n}={v!r}' for n, v in zip(field_names, self)) + ')'

    def _asdict(self):
        return dict(zip(field_names, self))

    def _replace(self, **kw):
        return type(self)(**{**self._asdict(), **kw})

    ns = {'__new__': __new__, '__repr__': __repr__, '_asdict': _asdict, '_replace': _replace,
          '_fields': field_names, '__slots__': (), '__match_args__': field_names}
    for i, n in enumerate(field_names):
        ns[n] = property(lambda self, i=i: self[i])
    cls = type(typename, (tuple,), ns)
    cls._make = classmethod(lambda c, it: c(*it))
    return cls


class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = list(iterable)
        self.maxlen = maxlen
        self._trim(True)

    def _trim(self, right):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                if right:
                    self._items.pop(0)
                else:
                    self._items.pop()

    def append(self, x):
        self._items.append(x)
        self._trim(True)

    def appendleft(self, x):
        self._items.insert(0, x)
        self._trim(False)

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, it):
        for x in it:
            self.append(x)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __repr__(self):
        if self.maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self.maxlen})'
