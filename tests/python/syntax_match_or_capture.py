# features: SyntaxError, match statement, irrefutable alternative in an OR pattern
print("never printed")
match 5:
    case (x as y) | 2:
        pass
