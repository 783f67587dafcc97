# features: SyntaxError, match statement, an f-string is not a literal pattern
print("never printed")
match "x":
    case f"x":
        pass
