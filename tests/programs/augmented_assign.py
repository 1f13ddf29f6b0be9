# Augmented assignment operators on ints, floats, strs and list elements.


def main(argv):
    x = 100
    x += 5
    print(x)
    x -= 200
    print(x)
    x *= -3
    print(x)
    x //= 7
    print(x)
    x %= 13
    print(x)
    x **= 3
    print(x)
    x <<= 4
    print(x)
    x >>= 2
    print(x)
    x &= 0xff
    print(x)
    x |= 0x100
    print(x)
    x ^= 0x3c
    print(x)
    y = -7
    y //= 2
    print(y)
    y %= -5
    print(y)
    f = 1.5
    f += 1
    print(f)
    f *= 2.5
    print(f)
    f /= 4
    print(f)
    f -= 0.9375
    print(f)
    s = "ab"
    s += "cd"
    print(s)
    s *= 2
    print(s)
    lst = [1, 2, 3]
    lst[1] += 10
    lst[-1] *= 7
    print(lst)
    lst = lst + [4]
    print(lst)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
