# features: infinite generators, itertools islice, count, cycle, takewhile, chain, accumulate, groupby
import itertools

def naturals():
    n = 1
    while True:
        yield n
        n += 1

print(list(itertools.islice(naturals(), 5)))
print(list(itertools.islice(naturals(), 2, 10, 3)))
print(list(itertools.takewhile(lambda x: x < 6, naturals())))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
c = itertools.count(10, 5)
print(next(c), next(c), next(c))
cy = itertools.cycle("ab")
print([next(cy) for _ in range(5)])
print(list(itertools.chain([1, 2], "ab", (3,))))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b)))
for key, grp in itertools.groupby("aaabccdd"):
    print(key, list(grp))
print(list(itertools.product("ab", [1, 2])))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)))
print(list(itertools.zip_longest([1, 2, 3], "ab", fillvalue="-")))
print(list(itertools.repeat("x", 3)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.pairwise([1, 2, 3, 4])))
gen = naturals()
for n in gen:
    if n > 3:
        break
print("next after break:", next(gen))
squares = (n * n for n in naturals())
print(next(squares), next(squares), list(itertools.islice(squares, 3)))
