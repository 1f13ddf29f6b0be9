# while loops: counting, conditions on several variables, nested whiles.


def digits(n):
    count = 0
    while n > 0:
        n = n // 10
        count += 1
    return count


def main(argv):
    i = 0
    while i < 5:
        print("i", i)
        i += 1
    n = 0
    while n * n < 200:
        n += 1
    print("first square >= 200:", n, n * n)
    a = 0
    b = 100
    while a < b and b - a > 3:
        a += 7
        b -= 5
    print("met at", a, b)
    row = 1
    while row <= 4:
        line = ""
        col = 1
        while col <= row:
            line = line + str(row * col) + " "
            col += 1
        print(line)
        row += 1
    print(digits(0), digits(7), digits(10), digits(9223372036854775807))
    x = 10
    while x:
        x -= 3
        if x < 0:
            x = 0
    print("x", x)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
