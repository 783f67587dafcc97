# textwrap for the playground: dedent and indent (exact); wrap/fill/shorten
# for plain text (words separated by whitespace, no hyphenated words).

def dedent(text):
    lines = text.split('\n')
    margin = None
    for l in lines:
        s = l.lstrip(' \t')
        if not s:
            continue
        ind = l[:len(l) - len(s)]
        if margin is None:
            margin = ind
        else:
            i = 0
            while i < len(margin) and i < len(ind) and margin[i] == ind[i]:
                i += 1
            margin = margin[:i]
    out = []
    for l in lines:
        if not l.strip(' \t'):
            out.append('')
        elif margin:
            out.append(l[len(margin):])
        else:
            out.append(l)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    if predicate is None:
        predicate = lambda line: line.strip()
    return ''.join(prefix + line if predicate(line) else line for line in text.splitlines(True))


def wrap(text, width=70, **kw):
    if kw or '-' in text:
        raise NotImplementedError('textwrap.wrap() options and hyphenated words are not supported in the playground')
    words = text.split()
    lines = []
    cur = ''
    for w in words:
        while len(w) > width:
            if cur:
                lines.append(cur)
                cur = ''
            lines.append(w[:width])
            w = w[width:]
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += ' ' + w
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def fill(text, width=70, **kw):
    return '\n'.join(wrap(text, width, **kw))


def shorten(text, width, placeholder=' [...]'):
    words = text.split()
    s = ' '.join(words)
    if len(s) <= width:
        return s
    out = ''
    for w in words:
        cand = (out + ' ' + w) if out else w
        if len(cand) + len(placeholder) > width:
            break
        out = cand
    return (out + placeholder) if out else placeholder.lstrip()
