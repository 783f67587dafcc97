# Plain Python runs too: output goes to the Console pane.
names = ["parent", "child"]
for i, name in enumerate(names, start=1):
    print(i, name)
print("done")
