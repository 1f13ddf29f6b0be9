# int // 0 raises an uncaught ZeroDivisionError.


def main(argv):
    a = 10
    b = len(argv) - 3
    print("dividing", a, "by", b)
    print(a // b)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
