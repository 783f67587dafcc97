# features: exception propagating through finally blocks and nested functions, cleanup order
def level3():
    try:
        print("level3 start")
        return {}["k3"]
    finally:
        print("level3 finally")

def level2():
    try:
        level3()
    finally:
        print("level2 finally")

def level1():
    try:
        level2()
    except TypeError:
        print("not this one")
    finally:
        print("level1 finally")

level1()
