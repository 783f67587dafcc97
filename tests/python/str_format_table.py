# features: formatting a text table with f-string alignment, widths, number formats, totals
rows = [
    ("Widget", 3, 2.5),
    ("Gadget", 10, 12.75),
    ("Thingamajig", 1, 199.999),
    ("Nut", 1000, 0.05),
]
header = f"{'Item':<12}|{'Qty':>6}|{'Price':>9}|{'Total':>11}"
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f"{name:<12}|{qty:>6,}|{price:>9.2f}|{total:>11,.2f}")
print("=" * len(header))
print(f"{'TOTAL':<12}|{sum(r[1] for r in rows):>6,}|{'':>9}|{grand:>11,.2f}")
print(f"{'avg price':<12}{sum(r[2] for r in rows) / len(rows):>27.4f}")
for i, (name, *_) in enumerate(rows, 1):
    print(f"{i:02d}. {name:.<15}{len(name):>3} chars {name[:3].upper()!r}")
print(f"{grand:e} {grand:.3g} {grand:_.1f} {int(grand):#x} {grand / 100:.1%}")
