# bytearray for the playground: a mutable list of byte values with bytes'
# methods (results that are bytes come back as bytearray, as in CPython).


def _byte(v):
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    if not 0 <= v < 256:
        raise ValueError('byte must be in range(0, 256)')
    return int(v)


def _bytes_of(v):
    if isinstance(v, bytearray):
        return bytes(v._b)
    if isinstance(v, bytes):
        return v
    raise TypeError(f"can't concat {type(v).__name__} to bytearray")


class bytearray:
    __module__ = 'builtins'
    __hash__ = None

    def __init__(self, source=None, encoding=None, errors=None):
        if source is None:
            if encoding is not None or errors is not None:
                raise TypeError('encoding or errors without sequence argument')
            self._b = []
        elif isinstance(source, str):
            if encoding is None:
                raise TypeError('string argument without an encoding')
            if errors is None:
                self._b = list(source.encode(encoding))
            else:
                self._b = list(source.encode(encoding, errors))
        elif encoding is not None or errors is not None:
            raise TypeError('encoding without a string argument')
        elif isinstance(source, int) and not isinstance(source, bool):
            if source < 0:
                raise ValueError('negative count')
            self._b = [0] * source
        elif isinstance(source, (bytes, bytearray)):
            self._b = list(_bytes_of(source))
        else:
            self._b = [_byte(x) for x in source]

    def __repr__(self):
        return f'bytearray({bytes(self._b)!r})'

    __str__ = __repr__

    def __bytes__(self):
        return bytes(self._b)

    def __len__(self):
        return len(self._b)

    def __iter__(self):
        return iter(list(self._b))

    def __contains__(self, x):
        if isinstance(x, int):
            return _byte(x) in self._b
        return _bytes_of(x) in bytes(self._b)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return bytearray(self._b[i])
        try:
            return self._b[i]
        except IndexError:
            raise IndexError('bytearray index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if isinstance(v, int):
                raise TypeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
            self._b[i] = [_byte(x) for x in v]
            return
        try:
            self._b[i] = _byte(v)
        except IndexError:
            raise IndexError('bytearray index out of range') from None

    def __delitem__(self, i):
        try:
            del self._b[i]
        except IndexError:
            raise IndexError('bytearray index out of range') from None

    def _cmp_other(self, other):
        if isinstance(other, (bytes, bytearray)):
            return _bytes_of(other)
        return None

    def __eq__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) == o

    def __ne__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) != o

    def __lt__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) < o

    def __le__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) <= o

    def __gt__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) > o

    def __ge__(self, other):
        o = self._cmp_other(other)
        return NotImplemented if o is None else bytes(self._b) >= o

    def __add__(self, other):
        return bytearray(bytes(self._b) + _bytes_of(other))

    def __radd__(self, other):
        if isinstance(other, bytes):
            return other + bytes(self._b)
        return NotImplemented

    def __iadd__(self, other):
        self._b.extend(_bytes_of(other))
        return self

    def __mul__(self, n):
        return bytearray(bytes(self._b) * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._b = self._b * n
        return self

    def append(self, x):
        self._b.append(_byte(x))

    def extend(self, it):
        if isinstance(it, str):
            raise TypeError('expected iterable of integers; got: str')
        self._b.extend([_byte(x) for x in it])

    def insert(self, i, x):
        self._b.insert(i, _byte(x))

    def pop(self, i=-1):
        if not self._b:
            raise IndexError('pop from empty bytearray')
        try:
            return self._b.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, x):
        try:
            self._b.remove(_byte(x))
        except ValueError:
            raise ValueError('value not found in bytearray') from None

    def clear(self):
        self._b.clear()

    def copy(self):
        return bytearray(self._b)

    def reverse(self):
        self._b.reverse()

    def decode(self, encoding='utf-8', errors='strict'):
        return bytes(self._b).decode(encoding, errors)

    def hex(self):
        return bytes(self._b).hex()

    @classmethod
    def fromhex(cls, s):
        return cls(bytes.fromhex(s))

    def find(self, *a):
        return bytes(self._b).find(*a)

    def index(self, *a):
        return bytes(self._b).index(*a)

    def count(self, *a):
        return bytes(self._b).count(*a)

    def startswith(self, *a):
        return bytes(self._b).startswith(*a)

    def endswith(self, *a):
        return bytes(self._b).endswith(*a)

    def replace(self, old, new, count=-1):
        return bytearray(bytes(self._b).replace(_bytes_of(old), _bytes_of(new), count))

    def split(self, sep=None, maxsplit=-1):
        if sep is not None:
            sep = _bytes_of(sep)
        return [bytearray(p) for p in bytes(self._b).split(sep, maxsplit)]

    def strip(self, chars=None):
        return bytearray(bytes(self._b).strip(chars))

    def lstrip(self, chars=None):
        return bytearray(bytes(self._b).lstrip(chars))

    def rstrip(self, chars=None):
        return bytearray(bytes(self._b).rstrip(chars))

    def upper(self):
        return bytearray(bytes(self._b).upper())

    def lower(self):
        return bytearray(bytes(self._b).lower())

    def join(self, items):
        return bytearray(bytes(self._b).join([_bytes_of(x) for x in items]))
