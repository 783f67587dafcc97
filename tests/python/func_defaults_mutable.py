# features: default arguments evaluated once, mutable default pitfall, None sentinel
def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safe_append(1), safe_append(2))
counter = 0

def next_id():
    global counter
    counter += 1
    print("evaluating default", counter)
    return counter

def make(id=next_id()):
    return id

print(make(), make(), make(99))

def cache_default(key, cache={}):
    if key in cache:
        return f"cached {cache[key]}"
    cache[key] = len(cache)
    return f"stored {cache[key]}"

for k in "abac":
    print(cache_default(k))

def with_dict(d={"n": 0}):
    d["n"] += 1
    return d

print(with_dict(), with_dict(), with_dict({"n": 10}), with_dict())
