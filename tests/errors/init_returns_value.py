class Counter:
    def __init__(self):
        self.n = 0
        return self.n

def main(argv):
    c = Counter()
    print(c.n)
    return 0
