# features: str split, rsplit, splitlines, join, partition, maxsplit
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2))
print(s.rsplit(None, 2))
print("a,b,,c,".split(","))
print("a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 1))
print("a::b::c".split("::"), "abc".split("abc"), "".split(), "".split(","))
print("   ".split(), "x".split(","), "a b".split(maxsplit=0))
print("line1\nline2\r\nline3\rline4\n".splitlines())
print("line1\nline2\r\n\nline3".splitlines(True))
print("no newline".splitlines(), "".splitlines(), "\n".splitlines())
print(", ".join(["a", "b", "c"]), "".join("xyz"), "-".join([]))
print("|".join(str(i) for i in range(5)))
print("key=value=more".partition("="), "novalue".partition("="))
print("key=value=more".rpartition("="), "novalue".rpartition("="))
words = "one two three two one".split()
print(words, len(words), words.count("two"))
print(" ".join(reversed(words)), " ".join(sorted(words)))
print("a-b-c".replace("-", " ").split())
csv = "name,age\nann,30\nbob,25"
for line in csv.splitlines():
    name, age = line.split(",")
    print(f"{name:>5}|{age:<4}|")
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ", ".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
