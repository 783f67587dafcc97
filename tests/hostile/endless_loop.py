# expect: step budget
while True:
    pass
