d = {1: 2}
d.update(d)
d |= d
s = {1}
s |= s
s.update(s)
print(d, s, d == d)
l=[1]
l.extend(l)
l += l
print(l)
