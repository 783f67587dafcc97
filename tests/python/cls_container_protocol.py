# features: custom container, __getitem__ with slices, __setitem__, __delitem__, __len__, iteration and reversed and in via __getitem__, tuple keys
class Deck:
    def __init__(self, cards):
        self._cards = list(cards)

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        print("getitem", index)
        if isinstance(index, slice):
            return Deck(self._cards[index])
        return self._cards[index]

    def __setitem__(self, index, value):
        print("setitem", index, value)
        self._cards[index] = value

    def __delitem__(self, index):
        print("delitem", index)
        del self._cards[index]

    def __repr__(self):
        return f"Deck({self._cards})"

d = Deck("ABCDE")
print(len(d), d[0], d[-1])
print(d[1:3], d[::2])
d[0] = "Z"
del d[1]
print(d)
print("C" in d)
print(list(d))
for card in d:
    if card == "D":
        break
print(list(reversed(d)))
try:
    d[10]
except IndexError as e:
    print("IndexError:", e)

class Squares:
    def __getitem__(self, n):
        if n >= 4:
            raise IndexError
        return n * n

print(list(Squares()), 9 in Squares(), 5 in Squares())

class Grid:
    def __getitem__(self, key):
        row, col = key
        return f"cell({row},{col})"

g = Grid()
print(g[1, 2], g[0, "a"])
