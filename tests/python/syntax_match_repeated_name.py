# features: SyntaxError, match statement, a name bound twice in one pattern
print("never printed")
match [1, [2]]:
    case [a, [a]]:
        pass
