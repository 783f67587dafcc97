# json for the playground: dumps (with indent/sort_keys/separators/default)
# and loads (CPython's decoder rules and error messages).

class JSONDecodeError(ValueError):
    def __init__(self, msg, doc='', pos=0):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


def _esc(s, ensure_ascii):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif c == '\b':
            out.append('\\b')
        elif c == '\f':
            out.append('\\f')
        elif ord(c) < 0x20 or (ensure_ascii and ord(c) > 0x7e):
            n = ord(c)
            if n > 0xffff:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
            else:
                out.append('\\u%04x' % n)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False, **kw):
    if isinstance(indent, int):
        indent = ' ' * indent
    if separators is None:
        item_sep, key_sep = (', ', ': ') if indent is None else (',', ': ')
    else:
        item_sep, key_sep = separators

    def enc(o, level):
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, str):
            return _esc(o, ensure_ascii)
        if isinstance(o, int):
            return int.__repr__(o)
        if isinstance(o, float):
            if o != o:
                return 'NaN'
            if o in (float('inf'), float('-inf')):
                return 'Infinity' if o > 0 else '-Infinity'
            return float.__repr__(o)
        if isinstance(o, (list, tuple)):
            if not o:
                return '[]'
            items = [enc(v, level + 1) for v in o]
            if indent is None:
                return '[' + item_sep.join(items) + ']'
            pad = '\n' + indent * (level + 1)
            return '[' + pad + (item_sep + pad).join(items) + '\n' + indent * level + ']'
        if isinstance(o, dict):
            if not o:
                return '{}'
            keys = list(o.keys())
            if sort_keys:
                keys = sorted(keys)
            items = []
            for k in keys:
                if isinstance(k, str):
                    ks = k
                elif k is True or k is False or k is None:
                    ks = enc(k, 0)
                elif isinstance(k, (int, float)):
                    ks = enc(k, 0)
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f'keys must be str, int, float, bool or None, not {type(k).__name__}')
                items.append(_esc(ks, ensure_ascii) + key_sep + enc(o[k], level + 1))
            if indent is None:
                return '{' + item_sep.join(items) + '}'
            pad = '\n' + indent * (level + 1)
            return '{' + pad + (item_sep + pad).join(items) + '\n' + indent * level + '}'
        if default is not None:
            return enc(default(o), level)
        raise TypeError(f'Object of type {type(o).__name__} is not JSON serializable')

    return enc(obj, 0)


_WS = ' \t\n\r'
_BACKSLASH = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


def _w(s, end):
    while end < len(s) and s[end] in _WS:
        end += 1
    return end


class _NoValue(Exception):
    def __init__(self, pos):
        self.pos = pos


def _hex4(s, pos):
    esc = s[pos + 1:pos + 5]
    if len(esc) == 4 and all(c in '0123456789abcdefABCDEF' for c in esc):
        return int(esc, 16)
    raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)


def _scanstring(s, end):
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n and s[end] != '"' and s[end] != '\\' and s[end] >= ' ':
            end += 1
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        if end > start:
            chunks.append(s[start:end])
        terminator = s[end]
        end += 1
        if terminator == '"':
            break
        if terminator != '\\':
            raise JSONDecodeError('Invalid control character at', s, end - 1)
        if end >= n:
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        esc = s[end]
        if esc != 'u':
            if esc not in _BACKSLASH:
                raise JSONDecodeError('Invalid \\escape', s, end - 1)
            chunks.append(_BACKSLASH[esc])
            end += 1
        else:
            uni = _hex4(s, end)
            end += 5
            if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
                uni2 = _hex4(s, end + 1)
                if 0xdc00 <= uni2 <= 0xdfff:
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                    end += 6
            if 0xd800 <= uni <= 0xdfff:
                raise NotImplementedError('json.loads() of a lone surrogate is not supported in the playground')
            chunks.append(chr(uni))
    return ''.join(chunks), end


def _number(s, idx):
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i < n and s[i] == '0':
        i += 1
    elif i < n and '1' <= s[i] <= '9':
        while i < n and '0' <= s[i] <= '9':
            i += 1
    else:
        return None
    is_float = False
    if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
        i += 2
        while i < n and '0' <= s[i] <= '9':
            i += 1
        is_float = True
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '+-':
            j += 1
        if j < n and '0' <= s[j] <= '9':
            while j < n and '0' <= s[j] <= '9':
                j += 1
            i = j
            is_float = True
    text = s[idx:i]
    return (float(text) if is_float else int(text)), i


def _scan(s, idx):
    if idx >= len(s):
        raise _NoValue(idx)
    c = s[idx]
    if c == '"':
        return _scanstring(s, idx + 1)
    if c == '{':
        return _object(s, idx + 1)
    if c == '[':
        return _array(s, idx + 1)
    if c == 'n' and s[idx:idx + 4] == 'null':
        return None, idx + 4
    if c == 't' and s[idx:idx + 4] == 'true':
        return True, idx + 4
    if c == 'f' and s[idx:idx + 5] == 'false':
        return False, idx + 5
    num = _number(s, idx)
    if num is not None:
        return num
    if c == 'N' and s[idx:idx + 3] == 'NaN':
        return float('nan'), idx + 3
    if c == 'I' and s[idx:idx + 8] == 'Infinity':
        return float('inf'), idx + 8
    if c == '-' and s[idx:idx + 9] == '-Infinity':
        return float('-inf'), idx + 9
    raise _NoValue(idx)


def _value(s, end):
    try:
        return _scan(s, end)
    except _NoValue as err:
        raise JSONDecodeError('Expecting value', s, err.pos) from None


def _skip_ws_after(s, end):
    if end < len(s) and s[end] in _WS:
        end += 1
        if end < len(s) and s[end] in _WS:
            end = _w(s, end + 1)
    return end


def _object(s, end):
    pairs = {}
    nextchar = s[end:end + 1]
    if nextchar != '"':
        if nextchar in _WS:
            end = _w(s, end)
            nextchar = s[end:end + 1]
        if nextchar == '}':
            return pairs, end + 1
        elif nextchar != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end)
    end += 1
    while True:
        key, end = _scanstring(s, end)
        if s[end:end + 1] != ':':
            end = _w(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
        end += 1
        end = _skip_ws_after(s, end)
        value, end = _value(s, end)
        pairs[key] = value
        nextchar = s[end:end + 1]
        if nextchar and nextchar in _WS:
            end = _w(s, end + 1)
            nextchar = s[end:end + 1]
        end += 1
        if nextchar == '}':
            break
        elif nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        end = _w(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar != '"':
            raise JSONDecodeError('Expecting property name enclosed in double quotes', s, end - 1)
    return pairs, end


def _array(s, end):
    values = []
    nextchar = s[end:end + 1]
    if nextchar in _WS:
        end = _w(s, end + 1)
        nextchar = s[end:end + 1]
    if nextchar == ']':
        return values, end + 1
    while True:
        value, end = _value(s, end)
        values.append(value)
        nextchar = s[end:end + 1]
        if nextchar in _WS:
            end = _w(s, end + 1)
            nextchar = s[end:end + 1]
        end += 1
        if nextchar == ']':
            break
        elif nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        end = _skip_ws_after(s, end)
    return values, end


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if cls is not None or object_pairs_hook is not None or parse_float is not None \
            or parse_int is not None or parse_constant is not None or kw:
        raise NotImplementedError('json.loads() options other than object_hook are not supported in the playground')
    if isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode('utf-8')
    elif not isinstance(s, str):
        raise TypeError(f'the JSON object must be str, bytes or bytearray, not {type(s).__name__}')
    elif s.startswith('\ufeff'):
        raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    obj, end = _value(s, _w(s, 0))
    end = _w(s, end)
    if end != len(s):
        raise JSONDecodeError('Extra data', s, end)
    if object_hook is not None:
        obj = _hook(obj, object_hook)
    return obj


def _hook(o, hook):
    if isinstance(o, dict):
        return hook({k: _hook(v, hook) for k, v in o.items()})
    if isinstance(o, list):
        return [_hook(v, hook) for v in o]
    return o


def load(fp, **kw):
    return loads(fp.read(), **kw)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
