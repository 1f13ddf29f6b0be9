# Deeply nested if/elif/else, for/while with else, break and continue.


def classify(n):
    if n < 0:
        if n < -10:
            return "very negative"
        elif n % 2 == 0:
            return "negative even"
        else:
            return "negative odd"
    elif n == 0:
        return "zero"
    else:
        for d in range(2, n):
            if n % d == 0:
                if d == 2:
                    return "even"
                break
        else:
            if n > 1:
                return "prime"
            return "one"
        return "composite odd"


def search(grid_w, grid_h, target):
    found = -1
    y = 0
    while y < grid_h:
        x = 0
        while x < grid_w:
            if x * y == target:
                found = y * grid_w + x
                break
            x += 1
        else:
            y += 1
            continue
        break
    return found


def main(argv):
    for n in [-20, -4, -3, 0, 1, 2, 9, 13, 15, 16]:
        print(n, classify(n))
    print(search(5, 5, 6), search(5, 5, 7), search(10, 3, 0))
    total = 0
    for i in range(6):
        for j in range(6):
            if j > i:
                break
            if (i + j) % 3 == 0:
                continue
            for k in range(3):
                if k == j:
                    continue
                total += i * 100 + j * 10 + k
        else:
            total -= 1
    print(total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
