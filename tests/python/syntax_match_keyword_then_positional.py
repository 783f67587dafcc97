# features: SyntaxError, match statement, positional sub-pattern after a keyword one
print("never printed")


class P:
    pass


match P():
    case P(x=1, 2):
        pass
