# A return inside finally overrides the try's return and swallows exceptions.


def f(n):
    try:
        if n == 0:
            return 1
        if n == 1:
            raise ValueError("one")
        return 2
    finally:
        if n < 3:
            return 100 + n


def g(items):
    for x in items:
        try:
            if x == 2:
                break
            print("item", x)
        finally:
            print("fin", x)
    else:
        print("no break")
    return x


def h():
    i = 0
    while True:
        try:
            i += 1
            if i > 3:
                return i
        finally:
            if i == 2:
                print("at two")
    return -1


def main(argv):
    for n in range(5):
        print(n, f(n))
    print(g([0, 1, 2, 3]))
    print(g([5]))
    print(h())
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
