# features: SyntaxError, match statement, two starred names in one sequence pattern
print("never printed")
match [1, 2, 3]:
    case [1, *a, *b]:
        pass
