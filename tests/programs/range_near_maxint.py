# range() whose next step would leave 64 bits must still stop at the bound.


def main(argv):
    top = 9223372036854775807
    for i in range(top - 7, top, 3):
        print(i)
    for i in range(top - 2, top):
        print("up", i)
    for i in range(top - 1, top - 10, -4):
        print("down from top", i)
    bottom = -9223372036854775807 - 1
    for i in range(bottom + 7, bottom, -3):
        print(i)
    for i in range(bottom + 2, bottom, -1):
        print("down", i)
    for i in range(bottom, bottom + 9, 4):
        print("up from bottom", i)
    count = 0
    for i in range(bottom, top, 4611686018427387904):
        count += 1
        print("quarter step", i)
    print("count", count)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
