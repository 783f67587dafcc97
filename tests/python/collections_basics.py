# features: namedtuple, defaultdict, Counter, deque, OrderedDict, ChainMap reprs and behaviour
from collections import namedtuple, defaultdict, Counter, deque, OrderedDict, ChainMap

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields)
x, y = p
print(x + y, p == (1, 2), isinstance(p, tuple))
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd)
print(dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sum(c.values()))
print(Counter([1, 1, 2, 3, 3, 3]), Counter(a=2, b=1) + Counter(a=1))
dq = deque([1, 2, 3])
dq.appendleft(0)
dq.append(4)
dq.rotate(1)
print(dq, dq.popleft(), dq.pop(), dq)
bounded = deque(range(10), maxlen=3)
print(bounded, bounded.maxlen)
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(od, list(od), od.popitem(last=False))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], dict(cm) == {"a": 1, "b": 3})
print(repr(defaultdict(int)), repr(deque()), repr(Counter()), repr(OrderedDict()))
