# Slicing lists: new lists of the same items, independent of the original.


def main(argv):
    xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(xs[2:5], xs[:3], xs[7:], xs[-3:], xs[::3], xs[::-1], xs[8:2:-2], xs[5:5])
    print(xs[-100:100], xs[100:], xs[:-100], xs[3:1], xs[1::-1])
    ys = xs[:]
    ys[0] = 99
    print(xs[0], ys[0], len(ys))
    zs = xs[2:6]
    zs.append(42)
    print(zs, xs)
    names = ["ann", "bob", "cy", "dee"]
    print(names[1:3], names[::-1], names[-1:])
    fs = [0.5, 1.5, 2.5]
    print(fs[1:], fs[::-1])
    bs = [True, False, True]
    print(bs[::2], bs[1:2])
    total = 0
    for chunk_start in range(0, len(xs), 3):
        chunk = xs[chunk_start:chunk_start + 3]
        total += len(chunk)
        print(chunk)
    print(total)
    empty = xs[4:2]
    print(empty, len(empty))
    t = (1, "two", 3.0, None, True)
    print(t[1:3], t[::-1], t[:1], t[-2:], t[::2], t[5:], t[1:-1:2])
    a, b = t[:2]
    print(a + 1, b.upper())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
