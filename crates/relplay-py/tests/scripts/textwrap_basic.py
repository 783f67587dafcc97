import textwrap
s = """
    def f():
        return 1

    x = 2
"""
print(repr(textwrap.dedent(s)))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.fill("the quick brown fox jumps over the lazy dog " * 3, 20))
print(textwrap.shorten("Hello world, this is a test", 15))
