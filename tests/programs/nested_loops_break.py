# break and continue affect only the innermost loop.


def main(argv):
    for i in range(5):
        for j in range(5):
            if j > i:
                break
            if (i + j) % 2 == 1:
                continue
            print(i, j)
        print("end of row", i)
    found = False
    target = 42
    x = 0
    y = 0
    for a in range(1, 10):
        for b in range(1, 10):
            if a * b == target:
                found = True
                x = a
                y = b
                break
        if found:
            break
    print("factor pair", x, y, found)
    count = 0
    i = 0
    while i < 10:
        i += 1
        if i % 3 == 0:
            continue
        j = 0
        while True:
            j += 1
            if j >= i:
                break
            count += 1
    print("count", count)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
