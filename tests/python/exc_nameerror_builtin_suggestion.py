# features: NameError suggestion for builtins and locals inside function
def compute(values):
    total_sum = 0
    for v in values:
        total_sum += v
    print("partial", total_sum)
    return totl_sum

print(compute([]) if False else "skipped")
print(compute([1, 2, 3]))
