# lints: none
# print as a function, and a name that merely starts with print.
printer = "print"
print("%s's offences:" % "L. Lad")
print(printer, end="\n")
