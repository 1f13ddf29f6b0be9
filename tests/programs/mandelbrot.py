# ASCII Mandelbrot set with float arithmetic; also prints iteration counts.


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return limit


def main(argv):
    chars = " .:-=+*#%@"
    width = 64
    height = 24
    limit = 60
    total = 0
    for y in range(height):
        ci = -1.2 + 2.4 * y / (height - 1)
        line = ""
        for x in range(width):
            cr = -2.1 + 2.7 * x / (width - 1)
            n = escape_time(cr, ci, limit)
            total = total + n
            if n == limit:
                line = line + "@"
            else:
                line = line + chars[n % 9]
        print(line)
    print("total iterations", total)
    print(escape_time(0.0, 0.0, 100), escape_time(1.0, 1.0, 100), escape_time(-0.75, 0.1, 1000))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
