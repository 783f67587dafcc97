# expect: __import__
__import__("subprocess").run(["ls"])
