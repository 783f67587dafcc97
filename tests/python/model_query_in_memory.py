# features: in-memory records, filtering with comprehensions, sorting with multiple keys, grouping, limit/offset, aggregates
records = [
    {"id": 1, "name": "ann", "dept": "eng", "salary": 120.5, "manager": None},
    {"id": 2, "name": "bob", "dept": "eng", "salary": 99.0, "manager": 1},
    {"id": 3, "name": "cid", "dept": "ops", "salary": 87.25, "manager": 1},
    {"id": 4, "name": "dee", "dept": "ops", "salary": 87.25, "manager": 3},
    {"id": 5, "name": "eve", "dept": "hr", "salary": 70.0, "manager": None},
]

def query(rows, where=None, order_by=None, limit=None, offset=0):
    out = [r for r in rows if where is None or where(r)]
    if order_by:
        out.sort(key=order_by)
    return out[offset:offset + limit if limit is not None else None]

print([r["name"] for r in query(records, where=lambda r: r["dept"] == "eng")])
print([r["name"] for r in query(records, order_by=lambda r: (-r["salary"], r["name"]))])
print([r["id"] for r in query(records, order_by=lambda r: r["name"], limit=2, offset=1)])
by_dept = {}
for r in records:
    by_dept.setdefault(r["dept"], []).append(r)
for dept, rows in sorted(by_dept.items()):
    total = sum(r["salary"] for r in rows)
    print(f"{dept:>4}: n={len(rows)} total={total:8.2f} avg={total / len(rows):.3f} max={max(r['salary'] for r in rows)}")
index = {r["id"]: r for r in records}
for r in records:
    boss = index.get(r["manager"])
    print(r["name"], "->", boss["name"] if boss else "-")
print(sorted({r["dept"] for r in records}), len({r["salary"] for r in records}))
print(next((r for r in records if r["salary"] < 80), None))
print(next((r for r in records if r["salary"] > 1000), "no match"))
print(any(r["manager"] is None for r in records), all(r["salary"] > 50 for r in records))
