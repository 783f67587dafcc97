# features: UnboundLocalError uncaught, local shadowing global
count = 5

def show():
    print("count is", count)

def increment():
    print("incrementing")
    count += 1

show()
increment()
