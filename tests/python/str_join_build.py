# features: building strings, join with generators, str accumulation, repeated concatenation, multiline strings, textwrap
import textwrap
parts = []
for i in range(5):
    parts.append(f"item{i}")
print(", ".join(parts))
s = ""
for ch in "abc":
    s += ch * 2
print(s, len(s))
lines = """first line
    indented line
last line"""
print(lines.splitlines(), len(lines))
print(textwrap.dedent("""\
    one
      two
    three"""))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 2, width=30))
print(textwrap.shorten("Hello   world, this is long", width=15))
print(textwrap.indent("a\nb", "> "))
print("-".join(map(str, range(3))), "".join(reversed("stressed")))
print("\n".join(f"{k}={v}" for k, v in {"a": 1, "b": 2}.items()))
words = ["alpha", "beta", "gamma"]
print(" | ".join(w.capitalize() for w in words), "+".join(w[0] for w in words))
print("x" + "y" * 3 + "z", ("ab" "cd"), "con" "cat" "enation")
