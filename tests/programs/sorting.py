# Bubble, insertion and selection sort on flat lists of ints and strs; they agree.
from rpy.rarithmetic import intmask


def bubble_sort(items):
    n = len(items)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return swaps


def insertion_sort(items):
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key


def selection_sort_str(words):
    for i in range(len(words)):
        best = i
        for j in range(i + 1, len(words)):
            if words[j] < words[best]:
                best = j
        tmp = words[i]
        words[i] = words[best]
        words[best] = tmp


def copy(items):
    out = []
    for x in items:
        out.append(x)
    return out


def is_sorted(items):
    for i in range(1, len(items)):
        if items[i - 1] > items[i]:
            return False
    return True


def main(argv):
    data = [5, 2, 9, 1, 5, 6, -3, 0, 12, -7]
    a = copy(data)
    print("swaps", bubble_sort(a))
    print(a)
    b = copy(data)
    insertion_sort(b)
    print(b)
    empty = []
    insertion_sort(empty)
    print(empty, bubble_sort(empty))
    state = 12345
    big = []
    for i in range(300):
        state = intmask(state * 1103515245 + 12345) & 2147483647
        big.append(state % 1000 - 500)
    c = copy(big)
    d = copy(big)
    print("bubble swaps", bubble_sort(c))
    insertion_sort(d)
    print(is_sorted(c), is_sorted(d), is_sorted(big))
    same = True
    for i in range(len(c)):
        if c[i] != d[i]:
            same = False
    print("agree", same, c[0], c[-1], c[150])
    words = ["pear", "Apple", "fig", "banana", "apple", "", "cherry"]
    selection_sort_str(words)
    print(words)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
