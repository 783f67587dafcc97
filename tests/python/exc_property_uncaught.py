# features: exception raised inside a property getter, uncaught, line of the getter reported
class Order:
    def __init__(self, items):
        self.items = items

    @property
    def total(self):
        return sum(price * qty for price, qty in self.items)

    @property
    def average_price(self):
        count = sum(qty for _, qty in self.items)
        return self.total / count

o = Order([(2.5, 2), (10.0, 1)])
print(o.total, o.average_price)
empty = Order([])
print(empty.total)
print(empty.average_price)
