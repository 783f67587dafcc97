# features: str.encode, bytes.decode, encodings, error handlers, UnicodeDecodeError and UnicodeEncodeError messages
s = "héllo wörld €"
for enc in ["utf-8", "latin-1", "ascii"]:
    try:
        print(enc, s.encode(enc))
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError:", e)
print(s.encode("ascii", errors="replace"), s.encode("ascii", "ignore"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"))
data = "naïve".encode("utf-8")
print(data, len(data), data.decode("utf-8"), data.decode("latin-1"))
try:
    data.decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(b"\xff\xfe".decode("utf-8", "replace"), b"ab\xffcd".decode("utf-8", "ignore"))
print(b"\xe2\x82".decode("utf-8", "backslashreplace"))
print("€".encode("utf-16-le"), "A".encode("utf-32-be"), len("😀".encode("utf-16-le")))
print(bytes([0xe2, 0x82, 0xac]).decode(), str(b"\xe2\x82\xac", "utf-8"))
try:
    "x".encode("nope-codec")
except LookupError as e:
    print("LookupError:", e)
