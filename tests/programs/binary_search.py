# Binary search on a sorted list: found positions, insertion points, probe counts.


def search(items, target):
    lo = 0
    hi = len(items) - 1
    probes = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        probes += 1
        if items[mid] == target:
            print("  found", target, "at", mid, "after", probes, "probes")
            return mid
        elif items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    print("  missing", target, "after", probes, "probes")
    return -1


def lower_bound(items, target):
    lo = 0
    hi = len(items)
    while lo < hi:
        mid = lo + (hi - lo) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def isqrt(n):
    lo = 0
    hi = 3037000499
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo


def main(argv):
    items = []
    for i in range(0, 300, 3):
        items.append(i)
    for t in [0, 3, 150, 297, 298, -1, 300, 151]:
        print(t, search(items, t))
    print(lower_bound(items, 0), lower_bound(items, 1), lower_bound(items, 299), lower_bound([], 5))
    dup = [1, 2, 2, 2, 3, 5, 5, 8]
    print(lower_bound(dup, 2), lower_bound(dup, 4), lower_bound(dup, 5), lower_bound(dup, 9))
    for n in [0, 1, 15, 16, 99, 1000000, 9223372036854775807]:
        print("isqrt", n, isqrt(n))
    words = ["ant", "bee", "cat", "dog", "eel", "fox"]
    lo = 0
    hi = len(words)
    target = "dog"
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    print("dog at", lo)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
