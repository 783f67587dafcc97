# features: uncaught exception whose message spans several lines
lines = []
for i, field in enumerate(["name", "email", "age"]):
    problem = f"{field} is required" if i != 2 else f"{field} must be a number"
    print("checking", field, "->", problem)
    lines.append(problem)
print("collected", len(lines), "problems")
summary = "validation failed:\n  " + "\n  ".join(lines)
print(repr(summary))
raise RuntimeError(summary)
