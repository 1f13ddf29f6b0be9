# Float // and % follow floor semantics; the % result takes the divisor's sign.


def main(argv):
    print(7.5 // 2, -7.5 // 2, 7.5 // -2, -7.5 // -2)
    print(7.5 % 2, -7.5 % 2, 7.5 % -2, -7.5 % -2)
    print(5.0 % 5, -5.0 % 5, 5.0 % -5, -0.0 % 5, 0.0 % -5)
    print(7.0 // 0.1, 7.0 % 0.1, 1.0 // 0.1, 1.0 % 0.1)
    print(-7 // 2.0, 7 % 2.5, -7 % 2.5, 7 // -2.5)
    print(1e300 % 7.0, -1e-300 % 1.0, 1e-300 % -1.0)
    print(0.5 // 1.0, -0.5 // 1.0, -0.5 % 1.0, 0.5 % -1.0)
    for a in range(-6, 7, 3):
        x = a + 0.25
        print(x, x // 1.5, x % 1.5, x // -1.5, x % -1.5)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
