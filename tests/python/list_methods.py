# features: list methods, append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear, errors
xs = [3, 1, 4, 1, 5]
xs.append(9)
print(xs)
xs.extend([2, 6])
xs.extend("ab")
print(xs)
xs.insert(0, 0)
xs.insert(-1, "mid")
xs.insert(100, "end")
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(1)
print(xs, xs.index(1), xs.count(1), xs.index(5, 2))
nums = [n for n in xs if isinstance(n, int)]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums, nums[::-1])
c = nums.copy()
c.append(100)
print(nums, c, c is nums)
c.clear()
print(c, len(c))
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
print([1, 2] * 2, [[0]] * 2, [] * 5)
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
alias = [[0] * 3] * 2
alias[0][1] = 5
print(alias)
print(sorted(["banana", "Apple", "cherry"]), sorted(["banana", "Apple", "cherry"], key=str.lower))
print(list(reversed([1, 2, 3])), [1, 2, 3][::-1], len([None, None]))
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2][5], lambda: [1, "a"].sort()]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(max([1, 5, 3]), min([4, 2, 8]), sum([1, 2, 3]), sum([[1], [2]], []))
