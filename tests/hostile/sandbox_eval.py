# expect: eval
eval("1 + 1")
