# json for the playground: dumps (with indent/sort_keys/separators/default);
# loads is not supported.

class JSONDecodeError(ValueError):
    pass


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


def loads(s, **kw):
    raise NotImplementedError('json.loads() is not supported in the playground')


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))
