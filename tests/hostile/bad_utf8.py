# expect: SyntaxError: Non-UTF-8 code starting with
print("ÿþ")
