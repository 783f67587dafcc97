# features: SyntaxError, match statement, a complex literal needs an imaginary part
print("never printed")
match 2:
    case 1 + 1:
        pass
