# Collatz sequences: lengths, the longest start below a bound, peak values.


def collatz_length(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def collatz_peak(n):
    peak = n
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        if n > peak:
            peak = n
    return peak


def main(argv):
    for n in [1, 2, 3, 6, 7, 9, 27, 97, 871]:
        print(n, collatz_length(n), collatz_peak(n))
    best = 1
    best_len = 0
    for n in range(1, 30000):
        length = collatz_length(n)
        if length > best_len:
            best = n
            best_len = length
    print("longest below 30000:", best, best_len)
    seq = []
    n = 27
    while n != 1 and len(seq) < 20:
        seq.append(n)
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
    print(seq)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
