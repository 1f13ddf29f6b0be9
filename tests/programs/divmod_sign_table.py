# // % and / for every sign combination of ints and floats, including maxint and tiny floats.


def main(argv):
    for a in [7, -7, 0, 1, -1, 9223372036854775807]:
        for b in [3, -3, 1, -1, 2]:
            print(a, b, a // b, a % b, a / b)
    for a in [7.5, -7.5, 0.0, -0.0, 1e-300]:
        for b in [2.0, -2.0, 0.25, 3.0]:
            print(a, b, a // b, a % b, a / b)
    print(-9223372036854775807 // 2, -9223372036854775807 % 2)
    print(5 % -1e308, -5 % 1e308, 5.0 % float("inf"), -5.0 % float("inf"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
