# decimal for the playground: exact Decimal arithmetic for +, -, *, comparison,
# quantize; other operations raise NotImplementedError.

class InvalidOperation(ArithmeticError):
    pass


ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_DOWN = 'ROUND_DOWN'


class Decimal:
    def __init__(self, value='0', context=None):
        if isinstance(value, Decimal):
            self._int, self._exp = value._int, value._exp
        elif isinstance(value, bool) or isinstance(value, int):
            self._int, self._exp = int(value), 0
        elif isinstance(value, float):
            raise NotImplementedError('Decimal(float) is not supported in the playground: use Decimal(str)')
        elif isinstance(value, str):
            s = value.strip().replace('_', '')
            try:
                sign = 1
                if s[:1] in '+-':
                    if s[0] == '-':
                        sign = -1
                    s = s[1:]
                exp = 0
                low = s.lower()
                if 'e' in low:
                    i = low.index('e')
                    exp = int(s[i + 1:])
                    s = s[:i]
                if '.' in s:
                    a, b = s.split('.')
                    digits = a + b
                    exp -= len(b)
                else:
                    digits = s
                if not digits or not digits.isdigit():
                    raise ValueError
                self._int = sign * int(digits)
                self._exp = exp
                self._neg = sign < 0
            except (ValueError, IndexError):
                raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]") from None
            return
        else:
            raise TypeError(f'conversion from {type(value).__name__} to Decimal is not supported')
        self._neg = self._int < 0

    def __str__(self):
        digits = str(abs(self._int))
        sign = '-' if self._neg else ''
        exp = self._exp
        adjusted = exp + len(digits) - 1
        if exp <= 0 and adjusted >= -6:
            if exp == 0:
                return sign + digits
            n = -exp
            if len(digits) <= n:
                digits = '0' * (n - len(digits) + 1) + digits
            return sign + digits[:-n] + '.' + digits[-n:]
        s = digits[0]
        if len(digits) > 1:
            s += '.' + digits[1:]
        return f"{sign}{s}E{'+' if adjusted >= 0 else ''}{adjusted}"

    def __repr__(self):
        return f"Decimal('{self}')"

    def __format__(self, spec):
        if not spec:
            return str(self)
        if spec.endswith('f'):
            prec = spec[:-1].lstrip('<>^=+- 0123456789,')
            p = spec[:-1]
            if '.' in p:
                places = int(p.split('.')[1])
                q = self.quantize(Decimal(1).scaleb(-places))
                body = str(q)
                width = p.split('.')[0]
                return format(body, '>' + width if width and width[0].isdigit() else width)
        return format(str(self), spec)

    def scaleb(self, n):
        d = Decimal(self)
        d._exp += n
        return d

    @staticmethod
    def _coerce(other):
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        return None

    def _align(self, other):
        e = min(self._exp, other._exp)
        return self._int * 10 ** (self._exp - e), other._int * 10 ** (other._exp - e), e

    @staticmethod
    def _make(i, e):
        d = Decimal(0)
        d._int, d._exp = i, e
        d._neg = i < 0
        return d

    def __add__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        a, b, e = self._align(o)
        return self._make(a + b, e)

    __radd__ = __add__

    def __sub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        a, b, e = self._align(o)
        return self._make(a - b, e)

    def __rsub__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return o - self

    def __mul__(self, other):
        o = self._coerce(other)
        if o is None:
            return NotImplemented
        return self._make(self._int * o._int, self._exp + o._exp)

    __rmul__ = __mul__

    def __truediv__(self, other):
        raise NotImplementedError('Decimal division is not supported in the playground')

    def __neg__(self):
        return self._make(-self._int, self._exp)

    def __pos__(self):
        return self

    def __abs__(self):
        return self._make(abs(self._int), self._exp)

    def _cmp(self, other):
        o = self._coerce(other)
        if o is None:
            if isinstance(other, float):
                return None
            return None
        a, b, _ = self._align(o)
        return (a > b) - (a < b)

    def __eq__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c < 0

    def __le__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        if c is None:
            return NotImplemented
        return c >= 0

    def __hash__(self):
        i, e = self._int, self._exp
        while e < 0 and i % 10 == 0:
            i //= 10
            e += 1
        if e >= 0:
            return hash(i * 10 ** e)
        return hash((i, e))

    def __bool__(self):
        return self._int != 0

    def __int__(self):
        if self._exp >= 0:
            return self._int * 10 ** self._exp
        q = abs(self._int) // 10 ** (-self._exp)
        return -q if self._int < 0 else q

    def __float__(self):
        return float(str(self))

    def quantize(self, exp, rounding=ROUND_HALF_EVEN):
        target = exp._exp
        if target > self._exp:
            return self._make(self._round(target, rounding), target)
        return self._make(self._int * 10 ** (self._exp - target), target)

    def _round(self, target, rounding):
        div = 10 ** (target - self._exp)
        q, r = divmod(abs(self._int), div)
        if rounding == ROUND_DOWN:
            pass
        elif 2 * r > div or (2 * r == div and (rounding == ROUND_HALF_UP or q % 2 == 1)):
            q += 1
        return -q if self._int < 0 else q

    def as_tuple(self):
        return (1 if self._neg else 0, tuple(int(c) for c in str(abs(self._int))), self._exp)


def getcontext():
    raise NotImplementedError('decimal contexts are not supported in the playground')
