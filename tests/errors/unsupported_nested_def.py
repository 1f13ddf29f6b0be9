def main(argv):
    def inner(x):
        return x + 1
    print(inner(1))
    return 0
