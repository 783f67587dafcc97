# features: report-style output: itertools.groupby, operator.attrgetter/itemgetter sorting, enumerate(start), zip strict, nested f-string format specs, str.ljust tables, dict/set comprehensions with deterministic order
from itertools import groupby, chain, islice, count, accumulate
from operator import attrgetter, itemgetter


class Row:
    def __init__(self, dept, name, salary):
        self.dept, self.name, self.salary = dept, name, salary

    def __repr__(self):
        return f"Row({self.dept!r}, {self.name!r}, {self.salary})"


rows = [Row("eng", "ann", 120), Row("ops", "bob", 90), Row("eng", "cy", 100), Row("ops", "di", 95), Row("hr", "ed", 70)]
rows.sort(key=attrgetter("dept", "name"))
for dept, grp in groupby(rows, key=attrgetter("dept")):
    grp = list(grp)
    total = sum(r.salary for r in grp)
    print(f"{dept:<5}|{len(grp):>3}|{total:>8,.2f}|{total / len(grp):^10.1f}|")
width = 7
for i, r in enumerate(sorted(rows, key=attrgetter("salary"), reverse=True), start=1):
    print(f"{i:02d}. {r.name:{width}} {r.salary:>{width}.1f} {'*' * (r.salary // 30)}")
pairs = sorted([("b", 2), ("a", 2), ("c", 1)], key=itemgetter(1, 0))
print(pairs, list(map(itemgetter(0), pairs)))
print(list(zip("abc", range(3))), list(zip(*[(1, "x"), (2, "y")])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print({r.name: r.salary for r in rows if r.salary > 90})
print(sorted({r.dept for r in rows}), list(chain([1], (2, 3))), list(islice(count(10, 5), 3)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)))
print("|".join(f"{n!s:^6}" for n in ["a", "bb", "ccc"]), f"{'x'!r:>5}", f"{12345.678:_>14,.1f}")
print(f"{0.25:.0%} {1e-7:g} {123456789:e} {-0.0:+.1f} {255:#x} {255:#010b} {3:>+4d}")
table = [["id", "name"], [1, "ann"], [22, "bob"]]
for line in table:
    print(" ".join(str(c).ljust(4) for c in line).rstrip())
