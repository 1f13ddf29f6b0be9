# The format string of `%` must be a constant: rpy compiles it at translation time.


def main(argv):
    fmt = "%d items"
    if len(argv) > 1:
        fmt = "%x items"
    print(fmt % 3)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
