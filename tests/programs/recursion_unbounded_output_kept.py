# Unbounded recursion ends the program with status 1 (RecursionError), and what was
# printed before is not lost.


def down(n):
    return down(n + 1) + 1


def main(argv):
    print("start")
    print(down(0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
