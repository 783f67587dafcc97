# features: AttributeError uncaught with Did you mean suggestion
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance

acct = Account("ann")
print(acct.deposit(50), acct.owner)
try:
    acct.blance
except AttributeError as e:
    print("caught:", e)
print(acct.balance)
acct.depositt(10)
