# range(stop), range(start, stop), range(start, stop, step), empty ranges, loop variable.


def join_range1(n):
    s = ""
    for i in range(n):
        s = s + str(i) + ","
    return s


def main(argv):
    print("range(5):", join_range1(5))
    print("range(0):", join_range1(0))
    print("range(-3):", join_range1(-3))
    line = ""
    for i in range(3, 8):
        line = line + str(i) + " "
    print("range(3, 8):", line)
    line = ""
    for i in range(-4, 2):
        line = line + str(i) + " "
    print("range(-4, 2):", line)
    line = ""
    for i in range(8, 3):
        line = line + str(i) + " "
    print("range(8, 3):", "[" + line + "]")
    line = ""
    for i in range(0, 20, 6):
        line = line + str(i) + " "
    print("range(0, 20, 6):", line)
    line = ""
    for i in range(1, 2, 100):
        line = line + str(i) + " "
    print("range(1, 2, 100):", line)
    for i in range(4):
        pass
    print("after the loop i =", i)
    for j in range(3):
        j = j * 10
        print("rebinding the loop variable", j)
    n = 3
    for k in range(n):
        n = n + 1
        print("the bound was read once", k, n)
    big = 0
    for k in range(100000):
        big += k
    print("sum to 100000", big)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
