# Indexing lists and strs with extreme and out-of-range indices, reading and assigning.
from rpy.rarithmetic import intmask


def get(lst, i):
    try:
        return lst[i]
    except IndexError:
        return -1


def sget(s, i):
    try:
        return s[i]
    except IndexError:
        return "?"


def put(lst, i, v):
    try:
        lst[i] = v
        return True
    except IndexError as e:
        print("put failed:", e)
        return False


def main(argv):
    big = intmask(2 ** 63 - 1)
    small = -big - 1
    lst = [5, 6, 7]
    for i in [0, 2, 3, -1, -3, -4, big, small, small + 1, big - 1]:
        print(i, get(lst, i), sget("xyz", i), put(lst, i, i % 100))
    print(lst)
    empty = []
    print(get(empty, 0), get(empty, -1), sget("", 0), sget("", -1))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
