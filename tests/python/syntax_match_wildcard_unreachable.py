# features: SyntaxError, match statement, wildcard case before other cases
print("never printed")


def f(v):
    match v:
        case 1:
            return "one"
        case _:
            return "anything"
        case 2:
            return "two"
