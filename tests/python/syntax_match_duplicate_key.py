# features: SyntaxError, match statement, duplicate literal key in a mapping pattern
print("never printed")
match {}:
    case {"k": 1, 2: 2, "k": 3}:
        pass
