# expect: MemoryError
x = [0] * 10**12
