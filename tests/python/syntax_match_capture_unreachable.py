# features: SyntaxError, match statement, name capture makes remaining patterns unreachable
print("never printed")
command = "go"
match command:
    case "stop":
        pass
    case other:
        print(other)
    case "go":
        pass
