# features: ValueError uncaught from int() of user text
inputs = ["12", " 7 ", "-3", "4.5"]
parsed = []
for text in inputs:
    print("parsing", repr(text))
    parsed.append(int(text))
print(parsed)
