# features: TypeError uncaught for a method call with a missing argument, qualified name in message
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance

a = Account("ann")
print(a.deposit(10))
try:
    Account()
except TypeError as e:
    print("caught:", e)
print(a.deposit())
