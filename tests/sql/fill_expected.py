#!/usr/bin/env python3
"""Fill in expected results of hand-written fixtures from real SQLite (Python's
sqlite3, SQLite 3.40 here): every `statement`/`query` record is run in order and
its expectation rewritten to what SQLite did. Usage: fill_expected.py FILE.test...
"""
import sqlite3
import sys

from extract_traces import render


def parse_param(tok):
    tok = tok.strip()
    if tok.upper() == "NULL":
        return None
    if tok.startswith("'"):
        return tok[1:-1].replace("''", "'")
    if tok.startswith("x'"):
        return bytes.fromhex(tok[2:-1])
    try:
        return int(tok)
    except ValueError:
        return float(tok)


def split_params(s):
    out, cur, q = [], "", False
    for ch in s:
        if ch == "'":
            q = not q
        if ch == "," and not q:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur)
    return [parse_param(t) for t in out]


def fill(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    out = []
    db = sqlite3.connect(":memory:", isolation_level=None)
    i = 0
    while i < len(lines):
        l = lines[i]
        if l == "reset":
            db = sqlite3.connect(":memory:", isolation_level=None)
            out.append(l)
            i += 1
            continue
        if not (l.startswith("statement") or l.startswith("query")):
            out.append(l)
            i += 1
            continue
        head = l
        i += 1
        body = []
        while i < len(lines) and lines[i].strip():
            body.append(lines[i])
            i += 1
        sql = [b for b in body if not b.startswith("?? ")]
        if "----" in sql:
            sql = sql[: sql.index("----")]
        params = [split_params(b[3:]) for b in body if b.startswith("?? ")]
        params = params[0] if params else []
        try:
            cur = db.execute("\n".join(sql), params)
            rows = cur.fetchall() if cur.description is not None else None
            err = None
        except sqlite3.Error as e:
            rows, err = None, str(e)
        if err is not None:
            out.append("statement error " + err)
        elif head.startswith("query"):
            out.append(head)
        else:
            out.append("statement ok")
        out.extend(sql)
        if params:
            out.append("?? " + ", ".join(render(p) if not isinstance(p, float) else repr(p) for p in params))
        if err is None and head.startswith("query"):
            out.append("----")
            for r in rows or []:
                out.append(" | ".join(render(v) for v in r))
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    for p in sys.argv[1:]:
        fill(p)
