# Deep recursion works (CPython with a raised limit agrees), and runaway recursion
# raises RecursionError, which can be caught, instead of crashing.
import sys


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def forever(n):
    return forever(n + 1) + 1


def main(argv):
    sys.setrecursionlimit(150000)
    print(depth(50000))
    try:
        forever(0)
        print("not reached")
    except RecursionError:
        print("RecursionError caught")
    print(depth(10))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
