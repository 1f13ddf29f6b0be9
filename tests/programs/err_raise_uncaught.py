# A program-raised ValueError that nobody catches ends the program with status 1.


def validate(n):
    if n > 3:
        raise ValueError("too big")
    print("ok", n)


def main(argv):
    for i in range(10):
        validate(i)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
