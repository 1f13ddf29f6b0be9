# Bubble sort of a list of floats (with -0.0 and inf), counting comparisons and swaps.


def bubble(xs):
    n = len(xs)
    comps = 0
    swaps = 0
    done = False
    while not done:
        done = True
        for i in range(1, n):
            comps += 1
            if xs[i - 1] > xs[i]:
                xs[i - 1], xs[i] = xs[i], xs[i - 1]
                swaps += 1
                done = False
        n -= 1
    return comps * 1000 + swaps


def main(argv):
    data = [3.5, -1.25, 0.0, -0.0, 1e300, -float("inf"), 2.0, 0.1 + 0.2, 0.3, float("inf")]
    alias = data
    print(bubble(data))
    print(alias)
    print(bubble(alias), data[0], data[-1])
    empty = []
    print(bubble(empty), empty, bubble([1.0]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
