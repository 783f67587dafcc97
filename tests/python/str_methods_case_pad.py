# features: str case methods, title, capitalize, swapcase, casefold, center, ljust, rjust, zfill, expandtabs, strip
for s in ["hello world", "HELLO", "they're bill's", "mIxEd CaSe", "123abc", "ß", "ǆ", "élan"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
for w in [0, 3, 8, 9]:
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")))
    print(repr("abc".ljust(w, ".")), repr("abc".rjust(w, ".")), repr("-42".zfill(w)), repr("+7".zfill(w)))
print("42".zfill(5), "-42".zfill(5), "abc".zfill(5), "".zfill(3))
print(repr("a\tbc\td".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\tx\n\ty".expandtabs(2)))
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("\t\n x \r".strip()))
print(repr("www.example.com".lstrip("w.")), repr("file.txt.bak".rstrip(".bak")))
print("Hello".removeprefix("He"), "Hello".removesuffix("lo"), "Hello".removeprefix("x"))
print("hello"[0].upper() + "hello"[1:], "HeLLo".lower().capitalize())
print("ΑΣ".lower(), "ΌΣΟΣ".lower(), "İ".lower(), len("İ".lower()))
print("ﬁ".upper(), "straße".upper(), "ß".title())
