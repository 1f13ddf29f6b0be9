# The else clause of for and while runs only when the loop ends without break.


def find(items, target):
    for idx in range(len(items)):
        if items[idx] == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")


def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def main(argv):
    items = [4, 8, 15, 16, 23, 42]
    find(items, 15)
    find(items, 99)
    find([], 1)
    for n in [2, 9, 17, 91, 97, 121]:
        print(n, "smallest divisor", first_divisor(n))
    for i in range(3):
        if i == 10:
            break
    else:
        print("for-else ran, i =", i)
    k = 0
    while k < 3:
        k += 1
        if k == 2:
            continue
    else:
        print("while-else ran, k =", k)
    for i in range(0):
        print("never")
    else:
        print("else of an empty loop")
    for a in range(2, 20):
        for b in range(2, a):
            if a % b == 0:
                break
        else:
            print(a, "is prime")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
