# %-formatting of floats: f e g F E G with flags, widths, precisions, and edge values.


def main(argv):
    inf = float("inf")
    nan = float("nan")
    values = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159265358979, 1e16, 1.5e-7, 123456.789,
              1e300, -1e-300, 5e-324, 0.5, 1.005, 99.995, inf, -inf, nan, 1e22, 100.0]
    for v in values:
        print("%f|%.2f|%10.3f|%-10.1f|%+.0f|%#.0f|%010.2f|% f|" % (v, v, v, v, v, v, v, v))
        print("%e|%.2e|%12.3E|%-+.1e|%#.0e|" % (v, v, v, v, v))
        print("%g|%.3g|%10G|%#g|%-8.2g|%+g|%.0g|%.17g|" % (v, v, v, v, v, v, v, v))
        finite = v == v and v != inf and v != -inf
        print("%F|%d|%5i|" % (v, v if finite else 0.0, 0))
    print("%d %d %d" % (3.99, -3.99, 1e20))
    print("%.1f %.1f %.1f %.1f" % (0.05, 0.15, 0.25, 0.35))
    print("%s %r" % (1.5, 1e16))
    print("%f %e" % (3, -7))
    total = 0.0
    for i in range(1, 6):
        total += 1.0 / i
        print("%2d: %8.5f" % (i, total))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
