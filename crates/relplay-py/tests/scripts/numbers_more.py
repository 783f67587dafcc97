print(pow(2**100+3, 12345, 10**9+7), pow(3, 2**70, 1000), pow(-(2**80), 3, 97), pow(5, 3, -7))
class A: pass
class B(A): pass
class C(A): pass
print(A.__subclasses__(), B.__subclasses__())
import math
print(math.fsum([0.1]*10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([0.1, 0.2, 0.3]))
