# One variable holds an int on one path and a float on another.


def main(argv):
    y = 1
    if len(argv) > 1:
        y = 2.5
    print(y)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
