def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    return "pos"

def sumsq(lst):
    total = 0
    for x in lst:
        total += x * x
    return total

def main(argv):
    nums = []
    i = -3
    while i <= 3:
        nums.append(i)
        i += 1
    for n in nums:
        print(n, classify(n), n ** 2, n // 2, n % 2, -n >> 1, n << 3, ~n)
    print(sumsq(nums), max(nums), min(nums), abs(-5), abs(-2.5))
    s = ""
    for k in range(5, 0, -2):
        s = s + str(k) + ","
    print(s, len(s), s[0], s[-1])
    f = 1.0
    for k in range(1, 20):
        f = f * k
    print(f, f / 3, 1e300 * 10, -1e-320, 2.0 ** 0.5, 10 / 4, 7 / 7)
    x = 5
    y = x > 3 and x < 10
    z = x or 7
    w = 0 or 0.5 > 1
    print(y, z, w, not x, 1 < x < 10, 1 < x > 10)
    print(int("  -42 "), float(" 3.25"), int(-3.9), str(True), str(None))
    a, b = 1, 2
    a, b = b, a
    print(a, b)
    print()
    print("x", "y", sep="-", end="!\n")
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
