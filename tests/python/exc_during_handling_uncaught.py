# features: exception raised while handling another, uncaught, only the final exception is reported
def parse(text):
    try:
        return int(text)
    except ValueError:
        print("could not parse", repr(text))
        return fallback[text]

print(parse("12"))
fallback = {"zero": 0}
print(parse("zero"))
print(parse("lots"))
