# range() with negative steps, including ranges that are empty.


def show(start, stop, step):
    line = "range(" + str(start) + ", " + str(stop) + ", " + str(step) + "):"
    count = 0
    for i in range(start, stop, step):
        line = line + " " + str(i)
        count += 1
    print(line, "| count", count)


def main(argv):
    show(10, 0, -1)
    show(10, 0, -3)
    show(10, -1, -5)
    show(0, -10, -4)
    show(-3, -4, -1)
    show(5, 5, -1)
    show(0, 10, -1)
    show(3, 4, -2)
    show(100, 0, -33)
    show(100, 0, -100)
    show(100, 0, -1000)
    show(-1, -20, -7)
    total = 0
    for i in range(1000, 0, -7):
        total = total + i
    print("sum", total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
