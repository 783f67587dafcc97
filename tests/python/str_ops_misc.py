# features: str concatenation, repetition, iteration, ord/chr, indexing, immutability error
s = "abc"
print(s + "def", s * 3, 3 * "ab", s * 0, s * -1)
for ch in "héllo":
    print(ch, ord(ch), end="; ")
print()
print(s[0], s[-1], s[1:], s[::-1], len(s))
print([c for c in "abc"], list(enumerate("ab")))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print(str(123) + "4", "5" + str(6.0))
print("abc" < "abd", "a" * 3 == "aaa", "ab" in "cab")
print(min("bca"), max("bca"), sorted("bca"), "".join(sorted("hello")))
print("%s|%s" % ("x", "y"), "{}{}".format("x", "y"))
print(hash("a") == hash("a"), len("😀"), "😀"[0] == "😀")
print("a\nb".split("\n"), "x".center(5).replace(" ", "."))
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
try:
    print(s[10])
except IndexError as e:
    print("IndexError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 + "a"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * "b"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError:", e)
print("end")
