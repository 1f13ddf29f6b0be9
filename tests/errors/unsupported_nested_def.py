def double(x):
    return x * 2


def main(argv):
    n = len(argv)

    def add_n(x):
        return x + n

    for f in [double, add_n]:
        print(f(1))
    return 0
