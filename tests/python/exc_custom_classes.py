# features: custom exception classes, attributes, __str__, hierarchy, args, repr of exceptions
class AppError(Exception):
    """Base error."""

class NotFound(AppError):
    def __init__(self, what, code=404):
        super().__init__(f"{what} not found")
        self.what = what
        self.code = code

class Fancy(AppError):
    def __str__(self):
        return "fancy message"

for exc in [AppError("plain"), NotFound("user"), Fancy("ignored"), AppError(), AppError("a", 2)]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)
try:
    raise NotFound("page", code=410)
except NotFound as e:
    print(e.what, e.code, isinstance(e, AppError), isinstance(e, Exception))
print(NotFound.__mro__)
print(repr(ValueError("x")), repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
print(repr(Exception("a", 1)), str(Exception("a", 1)), str(Exception()))
print(str(OSError(2, "No such file")), OSError(2, "x").errno)
e = ValueError("msg")
e.add_note("a note") if hasattr(e, "add_note") else None
print(e, e.__notes__)
try:
    raise NotFound
except TypeError as err:
    print("TypeError:", err)
try:
    raise 42
except TypeError as err:
    print("TypeError:", err)
class Weird(Exception):
    def __init__(self):
        pass
print(repr(Weird()), str(Weird()), Weird().args)
