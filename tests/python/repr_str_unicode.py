# features: str repr, unicode printable, non-printable escapes, ascii()
samples = ["é", "naïve café", "日本語", "😀", "emoji 🎉 party", "Ω≈ç√",
           "\u200b", "\u2028", "\u2029", "\ufeff", "\u00a0", "\u3000", "\u2000",
           "\U000e0001", "\ue000", "\U0010ffff", "\u0378", "a\u0301", "\u00ad"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(["é", "ü"], ("ß",), {"ключ": "значение"})
print(ascii(["é", 1, "x"]), ascii({"é": "ü"}))
print("é".encode("utf-8"), "日".encode("utf-8"), "😀".encode("utf-8"))
print(b"\xc3\xa9".decode("utf-8"), len("😀".encode()))
print(ord("é"), ord("😀"), chr(233), chr(0x1F600), chr(0x263A))
print("\N{GREEK SMALL LETTER ALPHA}", "\u03b1" == "α")
print(repr(chr(0x85)), repr(chr(0x9f)), repr(chr(0x7f)))
print("straße".upper(), "ΑΣ".lower(), "ǆ".title())
print(sorted(["b", "a", "é", "Z", "z"]))
