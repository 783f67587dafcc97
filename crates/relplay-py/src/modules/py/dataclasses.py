# dataclasses for the playground: @dataclass (init/repr/eq/order/frozen),
# field(), fields(), asdict(), astuple(), replace(), is_dataclass().

class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'

MISSING = _MISSING_TYPE()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata
        self.kw_only = kw_only

    def __repr__(self):
        return f'Field(name={self.name!r},type={self.type!r},default={self.default!r},default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},kw_only={self.kw_only!r},_field_type=_FIELD)'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    r = tp if isinstance(tp, str) else repr(tp)
    return r.startswith('typing.ClassVar') or r.startswith('ClassVar')


def fields(obj):
    flds = getattr(obj, '__dataclass_fields__', None)
    if flds is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(flds.values())


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _process(cls, init, repr_, eq, order, frozen, kw_only_default):
    fields_ = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields:
            for f in base_fields.values():
                fields_[f.name] = f
    anns = cls.__dict__.get('__annotations__', {})
    for name, tp in anns.items():
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        if f.kw_only is MISSING:
            f.kw_only = kw_only_default
        if isinstance(default, (list, dict, set)):
            raise ValueError(f'mutable default {type(default)} for field {name} is not allowed: use default_factory')
        fields_[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = fields_
    flist = list(fields_.values())
    qual = cls.__qualname__
    init_fields = [f for f in flist if f.init]
    pos = [f for f in init_fields if not f.kw_only]
    kwo = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in pos:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
        seen_default = seen_default or has_default

    if init and '__init__' not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            if len(args) > len(pos):
                n = len(pos) + 1
                raise TypeError(f'{qual}.__init__() takes {n} positional argument{"s" if n != 1 else ""} but {len(args) + 1} were given')
            values = {}
            for f, a in zip(pos, args):
                values[f.name] = a
            names = [f.name for f in init_fields]
            for k, v in kwargs.items():
                if k not in names:
                    raise TypeError(f"{qual}.__init__() got an unexpected keyword argument '{k}'")
                if k in values:
                    raise TypeError(f"{qual}.__init__() got multiple values for argument '{k}'")
                values[k] = v
            missing = [f.name for f in pos if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                if len(missing) == 1:
                    lst = f"'{missing[0]}'"
                elif len(missing) == 2:
                    lst = f"'{missing[0]}' and '{missing[1]}'"
                else:
                    lst = ', '.join(f"'{m}'" for m in missing[:-1]) + f", and '{missing[-1]}'"
                raise TypeError(f'{qual}.__init__() missing {len(missing)} required positional argument{"s" if len(missing) != 1 else ""}: {lst}')
            missing = [f.name for f in kwo if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                lst = ' and '.join(f"'{m}'" for m in missing)
                raise TypeError(f'{qual}.__init__() missing {len(missing)} required keyword-only argument{"s" if len(missing) != 1 else ""}: {lst}')
            for f in flist:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
                object.__setattr__(self, f.name, v)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post()
        __init__.__qualname__ = qual + '.__init__'
        cls.__init__ = __init__

    if repr_ and '__repr__' not in cls.__dict__:
        def __repr__(self):
            parts = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in flist if f.repr)
            return f'{type(self).__qualname__}({parts})'
        __repr__.__qualname__ = qual + '.__repr__'
        cls.__repr__ = __repr__

    cmp_fields = [f.name for f in flist if f.compare]

    def _tuple(self):
        return tuple(getattr(self, n) for n in cmp_fields)

    if eq and '__eq__' not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self) == _tuple(other)
            return NotImplemented
        cls.__eq__ = __eq__
        if not frozen:
            cls.__hash__ = None

    if order:
        def mk(op):
            def m(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple(self), _tuple(other))
                return NotImplemented
            return m
        cls.__lt__ = mk(lambda a, b: a < b)
        cls.__le__ = mk(lambda a, b: a <= b)
        cls.__gt__ = mk(lambda a, b: a > b)
        cls.__ge__ = mk(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")
        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
        if eq:
            def __hash__(self):
                return hash(_tuple(self))
            cls.__hash__ = __hash__
    cls.__match_args__ = tuple(f.name for f in pos)
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj):
    if not is_dataclass(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))


def _astuple_inner(obj):
    if is_dataclass(obj) and not isinstance(obj, type):
        return astuple(obj)
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v) for v in obj)
    return obj


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


class InitVar:
    def __class_getitem__(cls, t):
        return cls
