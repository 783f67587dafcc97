# features: str is* predicates, unicode digits, identifiers, printable
tests = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "", " ", "\t\n", "Hello World",
         "hello world", "Hello world", "_name", "2name", "name_2", "é", "日本", "١٢٣", "²", "½",
         "Ⅻ", "a b", "\x00", "tab\t", "ΑΣ", "ǅ"]
for t in tests:
    print(repr(t).ljust(16),
          t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isupper(), t.islower(), t.istitle(), t.isidentifier(),
          t.isascii(), t.isprintable())
print("class".isidentifier(), "None".isidentifier(), "a-b".isidentifier())
print(all(c.isdigit() for c in "2024"), any(c.isupper() for c in "abC"))
print(sum(1 for c in "Hello World 123" if c.isalpha()))
