# Recursion 800 frames deep (CPython's default limit is 1000).


def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)


def depth_list(n, acc):
    if n == 0:
        return len(acc)
    acc.append(n)
    return depth_list(n - 1, acc)


def main(argv):
    print(depth_sum(800))
    print(depth_list(800, []))
    total = 0
    for k in range(50):
        total = total + depth_sum(700)
    print(total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
