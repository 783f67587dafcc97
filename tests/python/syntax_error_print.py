# features: SyntaxError, Python 2 print statement, nothing runs before a compile error
import sys

name = "world"
greeting = "hello"
print("this line never runs because the file does not compile")


def shout(text):
    return text.upper()


print "hello", name
print(shout(greeting))
