# One variable holds an int on one path and a str on another: not statically typable.


def main(argv):
    x = 1
    if len(argv) > 1:
        x = "one"
    print(x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
