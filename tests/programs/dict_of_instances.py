# Dicts whose values are instances: attributes through d[k], printing with __repr__.


class Account(object):
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def deposit(self, n):
        self.balance += n

    def __repr__(self):
        return "Account('" + self.owner + "', " + str(self.balance) + ')'


class Empty(object):
    pass


def main(argv):
    accounts = {}
    for name in ['ann', 'bo', 'cy']:
        accounts[name] = Account(name, len(name) * 10)
    accounts['bo'].deposit(5)
    print(accounts['bo'].balance, accounts['cy'].owner)
    print(accounts)
    rich = []
    for k, a in accounts.items():
        if a.balance > 20:
            rich.append(k)
    print(rich)
    shared = Account('shared', 0)
    alias = {1: shared, 2: shared}
    alias[1].deposit(7)
    print(alias[2].balance, alias[1] is alias[2], alias)
    e = Empty()
    boxes = {'e': e}
    print(boxes['e'] is e, len(boxes))
    maybe = {'x': None, 'y': shared}
    print(maybe['x'] is None, maybe)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
