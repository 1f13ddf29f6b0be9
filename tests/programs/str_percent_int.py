# %-formatting of ints: d i u x X o c with flags, widths and precisions, edge values.


def main(argv):
    values = [0, 1, -1, 7, -42, 255, 4096, 123456789, -987654321,
              9223372036854775807, -9223372036854775807 - 1]
    for v in values:
        print("%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%.3d|%8.4d|%-+8d|" % (v, v, v, v, v, v, v, v, v, v, v))
        print("%x|%X|%o|%#x|%#X|%#o|%08x|%-#8x|%+x|%#10.5x|" % (v, v, v, v, v, v, v, v, v, v))
    for c in [65, 233, 8364, 128512]:
        print("[%c] [%3c] [%-3c]" % (c, c, c))
    print("%d%%" % 50, "%%d", "100%% of %d" % 3)
    print("%d %d" % (True, False), "%x" % True, "%5.1d" % 0, "%.0d" % 0)
    print("%ld %hd %Ld" % (1, 2, 3))
    n = 3
    print("%d item%s" % (n, "s" if n != 1 else ""))
    maybe = None
    if len(argv) > 2:
        maybe = 12
    print("%d %x %5.1f %s %r" % (maybe, maybe, maybe, maybe, maybe))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
