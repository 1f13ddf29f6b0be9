# Memoization with a dict: a module-level cache and a cache passed around.

CACHE = {}


def fib(n):
    if n < 2:
        return n
    if n in CACHE:
        return CACHE[n]
    r = fib(n - 1) + fib(n - 2)
    CACHE[n] = r
    return r


def paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key in memo:
        return memo[key]
    v = paths(r - 1, c, memo) + paths(r, c - 1, memo)
    memo[key] = v
    return v


def collatz_len(n, memo):
    if n == 1:
        return 1
    if n in memo:
        return memo[n]
    if n % 2 == 0:
        r = 1 + collatz_len(n // 2, memo)
    else:
        r = 1 + collatz_len(3 * n + 1, memo)
    memo[n] = r
    return r


def main(argv):
    print(fib(90), len(CACHE))
    memo = {}
    print(paths(16, 16, memo), len(memo))
    m = {}
    best = 0
    best_n = 0
    for n in range(1, 30000):
        k = collatz_len(n, m)
        if k > best:
            best = k
            best_n = n
    print(best_n, best)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
