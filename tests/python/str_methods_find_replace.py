# features: str find, rfind, index, count, replace, startswith, endswith, in, start/end arguments
s = "hello world, hello python"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("xyz"))
print(s.find("o", 5, 10), s.rfind("o", 0, 10), s.find("", 3), s.find("", 100))
print(s.find("o", -5), s.rfind("l", -10, -2), s.find("h", -100))
print(s.index("world"), s.rindex("o"), s.count("o"), s.count("l", 3), s.count(""))
print("aaaa".count("aa"), "aaaa".replace("aa", "b"), "banana".count("an"))
print(s.replace("hello", "bye"), s.replace("hello", "bye", 1), s.replace("l", ""))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print(s.startswith("hello"), s.startswith("world", 6), s.endswith("python"), s.endswith("hello", 0, 5))
print(s.startswith(("x", "hel")), s.endswith(("on", "no")), "abc".startswith(""))
print("world" in s, "World" in s, "" in s, s.upper().find("WORLD"))
for sub in ["o", "l", "z"]:
    positions = []
    i = s.find(sub)
    while i != -1:
        positions.append(i)
        i = s.find(sub, i + 1)
    print(sub, positions)
try:
    s.index("zzz")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
print("a.b.c".replace(".", "/"), "tab\tsep".replace("\t", "\\t"))
print("mississippi".replace("ss", "SS"), "mississippi".rfind("ss"), "mississippi".find("ss", 3))
print("日本語テキスト".find("テ"), "😀x😀".count("😀"), "😀x😀".rfind("😀"))
