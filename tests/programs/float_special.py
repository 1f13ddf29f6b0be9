# inf, nan and signed zero in arithmetic and comparisons.


def main(argv):
    inf = float('inf')
    nan = float('nan')
    print(inf + 1, inf - inf, inf * 0, -inf * 2, inf / 1e308, 1 / inf, -1 / inf)
    print(inf > 1e308, -inf < -1e308, inf == inf, inf == -inf)
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan <= nan, 1.0 >= nan)
    print(nan + 1, nan * 0, -nan)
    z = -0.0
    print(z, z == 0.0, z < 0.0, 0.0 - 0.0, z + 0.0, z * z, -z, z - 0.0)
    print(1.0 / inf, -1.0 / inf, 0.0 * -5)
    print(max(1.0, inf), min(-inf, 0.0), abs(-inf), abs(z))
    if nan:
        print("nan is true")
    if not z:
        print("-0.0 is false")
    if inf:
        print("inf is true")
    big = 1e308
    print(big * 10, -big * 10, big + big)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
