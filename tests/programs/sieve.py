# Sieve of Eratosthenes on a flat list of bools.


def sieve(n):
    is_prime = []
    for i in range(n + 1):
        is_prime.append(True)
    is_prime[0] = False
    if n >= 1:
        is_prime[1] = False
    p = 2
    while p * p <= n:
        if is_prime[p]:
            for m in range(p * p, n + 1, p):
                is_prime[m] = False
        p += 1
    primes = []
    for i in range(n + 1):
        if is_prime[i]:
            primes.append(i)
    return primes


def main(argv):
    small = sieve(100)
    print(small)
    print(len(small))
    big = sieve(100000)
    print("primes below 100000:", len(big), "largest", big[-1])
    twins = 0
    for i in range(1, len(big)):
        if big[i] - big[i - 1] == 2:
            twins += 1
    print("twin pairs:", twins)
    print(sieve(0), sieve(1), sieve(2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
