# features: ValueError uncaught from int() of user text
inputs = ["12", " 7 ", "-3", "+0", "1_000", "4.5", "never"]
parsed = []
for text in inputs:
    print("parsing", repr(text))
    value = int(text)
    parsed.append(value)
    print("  ok", value, "running total", sum(parsed))
print(parsed)
print("unreachable")
