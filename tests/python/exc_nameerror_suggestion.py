# features: NameError uncaught with Did you mean suggestion, caught NameError message
length = 10
width = 4
try:
    print(undefined_thing)
except NameError as e:
    print("caught:", e)
try:
    del never_defined
except NameError as e:
    print("caught del:", e)
print("area", length * width)
print("perimeter", 2 * (lenght + width))
