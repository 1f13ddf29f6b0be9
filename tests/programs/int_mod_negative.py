# The modulo result takes the sign of the divisor; a == (a // b) * b + a % b.


def main(argv):
    print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
    print(6 % 3, -6 % 3, 6 % -3, -6 % -3)
    print(0 % 7, 0 % -7)
    print(1 % 1000, -1 % 1000, 1 % -1000)
    print(9223372036854775807 % 10, -9223372036854775807 % 10)
    print(9223372036854775807 % -10)
    bad = 0
    for a in range(-13, 14):
        for b in range(-5, 6):
            if b != 0:
                q = a // b
                r = a % b
                if q * b + r != a:
                    bad += 1
                if b > 0 and (r < 0 or r >= b):
                    bad += 1
                if b < 0 and (r > 0 or r <= b):
                    bad += 1
    print("identity violations", bad)
    line = ""
    for a in range(-10, 11):
        line = line + str(a % 4) + " "
    print(line)
    line = ""
    for a in range(-10, 11):
        line = line + str(a % -4) + " "
    print(line)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
