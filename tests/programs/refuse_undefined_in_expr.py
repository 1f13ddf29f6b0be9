# A name defined nowhere, used in an expression (not called): refused as undefined.


def f(a):
    return undefined_name % 7


def main(argv):
    print(f(1))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
