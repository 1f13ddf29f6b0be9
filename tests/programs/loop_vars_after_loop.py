# Loop variables keep their last value after the loop (or the earlier value when the loop never runs).


def main(argv):
    for i in range(5):
        pass
    print(i)
    for j in range(10, 0, -3):
        pass
    print(j)
    k = 99
    for k in range(0):
        pass
    print(k)
    for c in "hello":
        pass
    print(c)
    for x in [1.5, 2.5]:
        pass
    print(x)
    n = 0
    while n < 7:
        n += 2
    print(n)
    for a in range(3):
        for b in range(a):
            pass
    print(a, b)
    for i in range(-5, 5, 4):
        if i > 0:
            break
    print(i)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
