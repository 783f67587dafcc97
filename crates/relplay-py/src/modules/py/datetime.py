# datetime for the playground: date, datetime, time, timedelta (naive only).

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year)) + day


def _ord2ymd(n):
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(name, v):
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")


def _check_date(year, month, day):
    for n, v in (('year', year), ('month', month), ('day', day)):
        _check_int(n, v)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total_us = round((((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds) * 1000 + milliseconds) * 1000 + microseconds)
        d, rem = divmod(total_us, 86400 * 1000000)
        s, us = divmod(rem, 1000000)
        self._days = d
        self._seconds = s
        self._microseconds = us

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._us() / 1000000

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f'days={self._days}')
        if self._seconds:
            parts.append(f'seconds={self._seconds}')
        if self._microseconds:
            parts.append(f'microseconds={self._microseconds}')
        if not parts:
            parts.append('0')
        return 'datetime.timedelta(' + ', '.join(parts) + ')'

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            s = f"{self._days} day{'s' if abs(self._days) != 1 else ''}, " + s
        if self._microseconds:
            s += f'.{self._microseconds:06d}'
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() + other._us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us())

    def __mul__(self, n):
        if isinstance(n, (int, float)):
            return timedelta(microseconds=round(self._us() * n))
        return NotImplemented

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us() == other._us()

    def __lt__(self, other):
        return self._us() < other._us()

    def __le__(self, other):
        return self._us() <= other._us()

    def __gt__(self, other):
        return self._us() > other._us()

    def __ge__(self, other):
        return self._us() >= other._us()

    def __hash__(self):
        return hash(self._us())

    def __bool__(self):
        return self._us() != 0


class date:
    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        raise NotImplementedError('date.today() is non-deterministic and not supported in the playground')

    @classmethod
    def fromisoformat(cls, s):
        try:
            y, m, d = s.split('-')
            return cls(int(y), int(m), int(d))
        except Exception:
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    @classmethod
    def fromordinal(cls, n):
        return cls(*_ord2ymd(n))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    def strftime(self, fmt):
        return _strftime(self, fmt)

    def replace(self, year=None, month=None, day=None):
        return type(self)(year or self._year, month or self._month, day or self._day)

    def __str__(self):
        return self.isoformat()

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __repr__(self):
        return f'datetime.date({self._year}, {self._month}, {self._day})'

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() + other.days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return date.fromordinal(self.toordinal() - other.days)
        if isinstance(other, date):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented


class time:
    def __init__(self, hour=0, minute=0, second=0, microsecond=0):
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond

    def isoformat(self):
        s = f'{self.hour:02d}:{self.minute:02d}:{self.second:02d}'
        if self.microsecond:
            s += f'.{self.microsecond:06d}'
        return s

    __str__ = isoformat

    def __repr__(self):
        args = [self.hour, self.minute]
        if self.second or self.microsecond:
            args.append(self.second)
        if self.microsecond:
            args.append(self.microsecond)
        return 'datetime.time(' + ', '.join(str(a) for a in args) + ')'

    def _key(self):
        return (self.hour, self.minute, self.second, self.microsecond)

    def __eq__(self, other):
        return isinstance(other, time) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __hash__(self):
        return hash(self._key())


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        date.__init__(self, year, month, day)
        if not 0 <= hour <= 23:
            raise ValueError('hour must be in 0..23')
        if not 0 <= minute <= 59:
            raise ValueError('minute must be in 0..59')
        if not 0 <= second <= 59:
            raise ValueError('second must be in 0..59')
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self.tzinfo = tzinfo

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)

    @classmethod
    def now(cls, tz=None):
        raise NotImplementedError('datetime.now() is non-deterministic and not supported in the playground')

    @classmethod
    def utcnow(cls):
        raise NotImplementedError('datetime.utcnow() is non-deterministic and not supported in the playground')

    @classmethod
    def today(cls):
        raise NotImplementedError('datetime.today() is non-deterministic and not supported in the playground')

    @classmethod
    def combine(cls, d, t):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    @classmethod
    def fromisoformat(cls, s):
        try:
            if 'T' in s:
                d, t = s.split('T')
            elif ' ' in s:
                d, t = s.split(' ')
            else:
                d, t = s, '00:00:00'
            y, m, dd = d.split('-')
            parts = t.split(':')
            hh = int(parts[0])
            mi = int(parts[1]) if len(parts) > 1 else 0
            sec = parts[2] if len(parts) > 2 else '0'
            us = 0
            if '.' in sec:
                sec, frac = sec.split('.')
                us = int((frac + '000000')[:6])
            return cls(int(y), int(m), int(dd), hh, mi, int(sec), us)
        except Exception:
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def isoformat(self, sep='T'):
        s = f'{date.isoformat(self)}{sep}{self._hour:02d}:{self._minute:02d}:{self._second:02d}'
        if self._microsecond:
            s += f'.{self._microsecond:06d}'
        return s

    def __str__(self):
        return self.isoformat(' ')

    def __repr__(self):
        args = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            args.append(self._second)
        if self._microsecond:
            args.append(self._microsecond)
        return 'datetime.datetime(' + ', '.join(str(a) for a in args) + ')'

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        return datetime(
            self._year if year is None else year, self._month if month is None else month,
            self._day if day is None else day, self._hour if hour is None else hour,
            self._minute if minute is None else minute, self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond)

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000 + self._microsecond)

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._key() < other._key()
        if isinstance(other, date):
            raise TypeError("can't compare datetime.datetime to datetime.date")
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self._us() + other._us()
            days, rem = divmod(us, 86400 * 1000000)
            y, m, d = _ord2ymd(days)
            s, micro = divmod(rem, 1000000)
            hh, s = divmod(s, 3600)
            mi, s = divmod(s, 60)
            return datetime(y, m, d, hh, mi, s, micro)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        return NotImplemented


_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def _strftime(d, fmt):
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%' and i + 1 < len(fmt):
            k = fmt[i + 1]
            i += 2
            if k == 'Y':
                out.append(f'{d.year:04d}')
            elif k == 'm':
                out.append(f'{d.month:02d}')
            elif k == 'd':
                out.append(f'{d.day:02d}')
            elif k == 'H':
                out.append(f'{getattr(d, "hour", 0):02d}')
            elif k == 'M':
                out.append(f'{getattr(d, "minute", 0):02d}')
            elif k == 'S':
                out.append(f'{getattr(d, "second", 0):02d}')
            elif k == 'f':
                out.append(f'{getattr(d, "microsecond", 0):06d}')
            elif k == 'y':
                out.append(f'{d.year % 100:02d}')
            elif k == 'B':
                out.append(_MONTHS[d.month - 1])
            elif k == 'b':
                out.append(_MONTHS[d.month - 1][:3])
            elif k == 'A':
                out.append(_DAYS[d.weekday()])
            elif k == 'a':
                out.append(_DAYS[d.weekday()][:3])
            elif k == 'j':
                out.append(f'{d.toordinal() - date(d.year, 1, 1).toordinal() + 1:03d}')
            elif k == '%':
                out.append('%')
            else:
                out.append('%' + k)
        else:
            out.append(c)
            i += 1
    return ''.join(out)


class timezone:
    def __init__(self, offset, name=None):
        self.offset = offset

timezone.utc = timezone(timedelta(0))
