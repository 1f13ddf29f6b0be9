# Shifts: arithmetic right shift of negatives, shift counts up to and beyond 63.


def main(argv):
    print(1 << 0, 1 << 1, 1 << 62, 3 << 61)
    print(-1 << 63, -1 << 10, -3 << 4)
    print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3)
    print(-1 >> 1, -1 >> 63, -1 >> 64, -1 >> 100)
    print(-7 >> 1, -8 >> 1, 7 >> 1)
    print(5 >> 63, 5 >> 64, 5 >> 1000, -5 >> 1000)
    print(9223372036854775807 >> 62, 9223372036854775807 >> 63)
    print(0 << 100, 0 >> 100)
    n = 12345
    for k in range(0, 70, 7):
        print("12345 >>", k, "=", n >> k, " -12345 >>", k, "=", -n >> k)
    for k in range(0, 50, 10):
        print("-3 <<", k, "=", -3 << k)
    x = 1
    steps = 0
    while x < 4611686018427387904:
        x = x << 1
        steps += 1
    print("doublings", steps, x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
