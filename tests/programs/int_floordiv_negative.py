# Floor division rounds toward negative infinity, for every sign combination.


def main(argv):
    print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
    print(6 // 3, -6 // 3, 6 // -3, -6 // -3)
    print(1 // 10, -1 // 10, 1 // -10, -1 // -10)
    print(0 // 5, 0 // -5)
    print(-9223372036854775807 // 2, 9223372036854775807 // -2)
    print(9223372036854775807 // 9223372036854775807)
    print(-9223372036854775807 // 10)
    for a in range(-7, 8, 2):
        line = ""
        for b in range(-3, 4):
            if b != 0:
                line = line + " " + str(a // b)
        print(a, ":", line)
    n = -100
    steps = 0
    while n != -1:
        n = n // 2
        steps += 1
        print("halve", n)
    print("steps", steps)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
