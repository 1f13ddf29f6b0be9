# Recursive in-place quicksort (Lomuto partition) and merge sort on lists of ints.
from rpy.rarithmetic import intmask


def partition(a, lo, hi):
    pivot = a[hi]
    i = lo
    for j in range(lo, hi):
        if a[j] < pivot:
            a[i], a[j] = a[j], a[i]
            i += 1
    a[i], a[hi] = a[hi], a[i]
    return i


def quicksort(a, lo, hi):
    if lo < hi:
        p = partition(a, lo, hi)
        quicksort(a, lo, p - 1)
        quicksort(a, p + 1, hi)


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = []
    right = []
    for i in range(len(a)):
        if i < mid:
            left.append(a[i])
        else:
            right.append(a[i])
    left = merge_sort(left)
    right = merge_sort(right)
    out = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    while i < len(left):
        out.append(left[i])
        i += 1
    while j < len(right):
        out.append(right[j])
        j += 1
    return out


def main(argv):
    a = [9, -2, 7, 4, 4, 0, 13, -8, 1]
    quicksort(a, 0, len(a) - 1)
    print(a)
    print(merge_sort([9, -2, 7, 4, 4, 0, 13, -8, 1]))
    seed = 2024
    data = []
    for i in range(2000):
        seed = intmask(seed * 6364136223846793005 + 1)
        data.append((seed >> 20) % 100000)
    b = []
    for x in data:
        b.append(x)
    quicksort(b, 0, len(b) - 1)
    c = merge_sort(data)
    same = True
    for i in range(len(b)):
        if b[i] != c[i]:
            same = False
    print("agree", same, b[0], b[999], b[-1], len(c))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
