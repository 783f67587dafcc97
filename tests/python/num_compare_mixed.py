# features: comparisons, chaining, mixed int/float, is vs ==, bool results
print(1 < 2, 2 < 1, 1 == 1.0, 2 != 2.0)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1 == 1.0)
x = 5
print(0 < x <= 5, 0 < x < 5, x == 5 != 6)
print(2**53 == 2.0**53, 2**53 + 1 == 2.0**53 + 1, 2**53 + 1 > 2.0**53)
print(10**20 == 1e20, 10**16 + 1 == 1e16, 10**400 > 1e308)
print(float("inf") > 10**400, -float("inf") < -10**400)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "a" < "aa")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 99))
print([1, 2] == [1, 2], [1, 2] is [1, 2], (1,) == (1,))
a = [1]
b = a
print(a is b, a is not b, a == b, None is None, None == None)
print(True == 1, False == 0, type(True + 0) is int)
print(1 == True, 2 == True, bool(2) == True)
print({1, 2} == {2, 1}, {1: 2} == {1: 2.0}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2})
print(max([3, 1, 2]) == 3, min("hello"), max("hello"))
print(0.1 + 0.2 > 0.3, 0.1 + 0.2 < 0.30000000000000005)
print(not 1, not 0, not [], not [0], not "", not " ")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or [] or "x", 0 or None)
print(-1 < 0 < 1, (-1 < 0) < 1, 3 > 2 == True)
print(sorted([3, 1.5, 2, True, 0]))
print(1 in [1, 2], 3 not in [1, 2], "b" in "abc", "ab" in "abc", 1.0 in [1])
