# Default argument values, used or overridden, of several types.


def power(base, exp=2):
    result = 1
    for i in range(exp):
        result = result * base
    return result


def label(text, prefix="<", suffix=">"):
    return prefix + text + suffix


def scale(x, factor=1.5, offset=0.0):
    return x * factor + offset


def count_down(n, step=1, stop=0):
    out = []
    while n > stop:
        out.append(n)
        n -= step
    return out


def main(argv):
    print(power(5), power(5, 3), power(2, 10), power(7, 0))
    print(label("a"), label("b", "["), label("c", "(", ")"))
    print(scale(2.0), scale(2.0, 3.0), scale(2.0, 3.0, 0.5))
    print(count_down(5), count_down(10, 3), count_down(10, 2, 4))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
