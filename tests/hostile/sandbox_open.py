# expect: open
print(open("/etc/passwd").read())
