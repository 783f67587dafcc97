# features: SyntaxError, match statement, OR alternatives binding different names
print("never printed")
match (1, 2):
    case (a, 1) | (1, b):
        pass
