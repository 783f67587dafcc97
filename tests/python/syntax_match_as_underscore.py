# features: SyntaxError, match statement, _ as an AS target
print("never printed")
match 1:
    case int() as _:
        pass
