# features: comprehension scoping, loop variable isolation, closures in comprehensions, class scope
x = "outer"
squares = [x * 2 for x in range(3)]
print(x, squares)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
n = 10
print([n + i for i in range(3)])

class K:
    factor = 3
    values = [1, 2, 3]
    scaled = [v * 2 for v in values]
    try:
        broken = [v * factor for v in values]
    except NameError as e:
        err = str(e)

print(K.scaled, K.err)

def outer():
    total = 0
    data = [total + k for k in range(3)]
    return data, [total for _ in range(2)]

print(outer())
y = 5
gen = (y * k for k in range(3))
y = 100
print(list(gen))
i = "untouched"
res = {i: i * 2 for i in range(3)}
print(i, res)
print([[j for j in range(i)] for i in range(4)])
print([(a, b) for a in range(3) if a for b in range(a) if b != 1])
