# Exponentiation by squaring, with and without a modulus; Fermat primality test.


def power(base, exp):
    result = 1
    while exp > 0:
        if exp & 1:
            result = result * base
        exp = exp >> 1
        if exp > 0:
            base = base * base
    return result


def power_mod(base, exp, mod):
    result = 1
    base = base % mod
    while exp > 0:
        if exp % 2 == 1:
            result = result * base % mod
        base = base * base % mod
        exp = exp // 2
    return result


def fermat_probable_prime(n):
    if n < 4:
        return n == 2 or n == 3
    for a in [2, 3, 5, 7]:
        if a % n != 0 and power_mod(a, n - 1, n) != 1:
            return False
    return True


def main(argv):
    print(power(2, 10), power(3, 20), power(-3, 21), power(10, 18), power(7, 0))
    ok = True
    for b in range(-5, 6):
        for e in range(0, 12):
            if power(b, e) != b ** e:
                ok = False
    print("agrees with **:", ok)
    print(power_mod(2, 1000000, 1000000007), power_mod(3, 123456789, 998244353))
    print(power_mod(12345, 0, 7), power_mod(-2, 3, 5))
    found = []
    for n in range(1000, 1100):
        if fermat_probable_prime(n):
            found.append(n)
    print(found)
    print(fermat_probable_prime(561), fermat_probable_prime(1000000007))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
