class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, n):
        self.balance += n

def main(argv):
    a = Account("ann")
    a.deposit(3)
    print(a.balence)
    return 0
