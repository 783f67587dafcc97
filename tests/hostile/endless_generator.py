# expect: step budget
import itertools
print(sum(itertools.count()))
