# enum for the playground: Enum, IntEnum, StrEnum, Flag (basic), auto, unique.

class auto:
    _counter = 0
    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


def _is_descriptor(v):
    return hasattr(v, '__get__') or isinstance(v, (staticmethod, classmethod, property))


class EnumMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        member_names = []
        for k, v in list(ns.items()):
            if k.startswith('_') or callable(v) or _is_descriptor(v):
                if not isinstance(v, auto):
                    continue
            member_names.append((k, v))
        for k, _ in member_names:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns, **kw)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_type = None
        for b in cls.__mro__[1:]:
            if b in (int, str, float):
                base_type = b
                break
        last = 0
        for k, v in member_names:
            if isinstance(v, auto):
                if base_type is str:
                    v = k.lower()
                else:
                    v = cls._generate_next_value_(k, 1, len(cls._member_names_), [m._value_ for m in cls._member_map_.values()])
            if v in cls._value2member_map_:
                member = cls._value2member_map_[v]
                cls._member_map_[k] = member
                type.__setattr__(cls, k, member)
                continue
            if base_type is not None:
                member = base_type.__new__(cls, v)
            else:
                member = object.__new__(cls)
            member._name_ = k
            member._value_ = v
            if '__init__' in ns:
                args = v if isinstance(v, tuple) else (v,)
                member.__init__(*args)
            cls._member_names_.append(k)
            cls._member_map_[k] = member
            cls._value2member_map_[v] = member
            type.__setattr__(cls, k, member)
        return cls

    def __call__(cls, value, *args, **kw):
        if args or kw or not hasattr(cls, '_value2member_map_'):
            return type.__call__(cls, value, *args, **kw)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(f'{value!r} is not a valid {cls.__qualname__}')

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')
        type.__setattr__(cls, name, value)

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumType = EnumMeta


class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f'<{type(self).__name__}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        return f'{type(self).__name__}.{self._name_}'

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start


class IntEnum(int, Enum):
    __repr__ = Enum.__repr__
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(str, Enum):
    __repr__ = Enum.__repr__
    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)


def _iter_bits_lsb(num):
    while num:
        b = num & (~num + 1)
        yield b
        num ^= b


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** last.bit_length()

    @classmethod
    def _flag_mask(cls):
        mask = 0
        for n in cls._member_names_:
            mask |= cls._member_map_[n]._value_
        return mask

    @classmethod
    def _iter_member_(cls, value):
        members = []
        for val in _iter_bits_lsb(value & cls._flag_mask()):
            m = cls._value2member_map_.get(val)
            if m is not None:
                members.append(m)
        values = [cls._member_map_[n]._value_ for n in cls._member_names_]
        if values != sorted(values):
            order = cls._member_names_
            members.sort(key=lambda m: order.index(m._name_))
        return members

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        mask = cls._flag_mask()
        base = int if issubclass(cls, int) else None
        if base is None and (value < 0 or value & ~mask):
            return None
        if base is not None:
            member = int.__new__(cls, value)
        else:
            member = object.__new__(cls)
        members = cls._iter_member_(value)
        if value and members:
            member._name_ = '|'.join(m._name_ for m in members)
            extra = value & ~mask
            if extra:
                member._name_ += '|' + str(extra)
        else:
            member._name_ = None
        member._value_ = value
        cls._value2member_map_[value] = member
        return member

    def __repr__(self):
        cls = type(self).__name__
        if self._name_ is None:
            return f'<{cls}: {self._value_!r}>'
        return f'<{cls}.{self._name_}: {self._value_!r}>'

    def __str__(self):
        cls = type(self).__name__
        if self._name_ is None:
            return f'{cls}({self._value_!r})'
        return f'{cls}.{self._name_}'

    def __hash__(self):
        return hash(self._value_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                f"unsupported operand type(s) for 'in': {type(other).__qualname__!r} "
                f"and {self.__class__.__qualname__!r}")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(type(self)._iter_member_(self._value_))

    def __len__(self):
        return bin(self._value_).count('1')

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self._flag_mask() ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, Flag):
    __repr__ = Flag.__repr__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask() ^ self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def unique(enumeration):
    return enumeration
