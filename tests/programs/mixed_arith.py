# int and float mixed in one operation give a float.


def main(argv):
    i = 7
    f = 0.5
    print(i + f, f + i, i - f, f - i)
    print(i * f, f * i, i / f, f / i)
    print(i // 2.0, -i // 2.0, i % 2.5, -i % 2.5)
    print(2 ** 0.5, 2.0 ** 2, 4 ** 0.5, 2 ** -1.0, 10.0 ** -2)
    print(3 * 1.5, 1 + 0.0, 0 * -1.0)
    print(1 == 1.0, 1 < 1.5, 2 > 1.5, 3 <= 3.0, -1 >= -0.5)
    print(0 == -0.0, 1 != 1.0)
    total = 0.0
    for k in range(1, 11):
        total = total + k
        total = total / 2
    print("halving sum", total)
    acc = 1
    x = 1.0
    for k in range(10):
        acc = acc * 3
        x = x + acc / 7
    print("mixed loop", acc, x)
    c = 100
    fahrenheit = c * 9 / 5 + 32
    print("100C =", fahrenheit, "F")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
