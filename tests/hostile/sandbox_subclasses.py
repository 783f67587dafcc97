# expect: Error
# the classic escape: walk object.__subclasses__() to reach os
for cls in object.__subclasses__():
    if cls.__name__ == "Popen":
        cls(["ls"])
raise RuntimeError("no escape found")
