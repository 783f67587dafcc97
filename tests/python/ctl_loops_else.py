# features: for/while loops, else clauses, break, continue, range, nested loops
for i in range(3):
    print("for", i)
else:
    print("for-else ran")
for i in range(5):
    if i == 2:
        print("breaking at", i)
        break
else:
    print("not printed")
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while-else ran, n =", n)
while True:
    n -= 1
    if n < 0:
        break
print("after infinite loop", n)
for x in []:
    print("never")
else:
    print("empty for-else")
for i in range(2):
    for j in range(3):
        if j == 1:
            continue
        if i == 1 and j == 2:
            break
        print("pair", i, j)
    else:
        print("inner completed for i =", i)
primes = []
for cand in range(2, 30):
    for p in primes:
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)
total = 0
for k, v in {"a": 1, "b": 2}.items():
    total += v
    print(k, v, total)
i = 10
for i in range(3):
    pass
print("loop var after loop:", i)
count = 0
while count < 100:
    count += 7
print(count)
