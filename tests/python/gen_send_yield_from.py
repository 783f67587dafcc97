# features: generator send, yield from with send, subgenerator return value, averager coroutine
def echo():
    received = None
    while True:
        received = yield f"got {received!r}"
        if received == "stop":
            return "echo stopped"

e = echo()
print(next(e))
print(e.send(1))
print(e.send("hi"))
try:
    e.send("stop")
except StopIteration as s:
    print("StopIteration:", s.value)

def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count

def delegator(results):
    while True:
        r = yield from averager()
        print("subgenerator returned", r)
        results.append(r)

res = []
d = delegator(res)
next(d)
for v in [10, 20, 30]:
    print("avg", d.send(v))
d.send(None)
for v in [1, 2]:
    d.send(v)
d.send(None)
print(res)
