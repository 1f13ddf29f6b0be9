# An f-string spec that CPython would reject with ValueError is refused statically.


def main(argv):
    n = len(argv)
    print(f"{n:>8q}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
