# features: uncaught exception whose message spans several lines
lines = ["first problem", "second problem", "third"]
print("collected", len(lines), "problems")
raise RuntimeError("validation failed:\n  " + "\n  ".join(lines))
