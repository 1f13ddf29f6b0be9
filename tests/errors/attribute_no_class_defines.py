class Account:
    def __init__(self, owner):
        self.owner = owner

def main(argv):
    a = Account("ann")
    print(a.balance)
    return 0
