# A negative shift count raises ValueError.


def shift_left(a, n):
    return a << n


def shift_right(a, n):
    return a >> n


def main(argv):
    for n in range(2, -3, -1):
        try:
            print("1 << ", n, "=", shift_left(1, n))
        except ValueError:
            print("1 <<", n, "raised ValueError")
        try:
            print("64 >> ", n, "=", shift_right(64, n))
        except ValueError:
            print("64 >>", n, "raised ValueError")
    print("done")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
