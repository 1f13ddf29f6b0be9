# Euclid's gcd (iterative and recursive), lcm, extended gcd, coprime counting.


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return abs(a)


def gcd_rec(a, b):
    if b == 0:
        return abs(a)
    return gcd_rec(b, a % b)


def lcm(a, b):
    if a == 0 or b == 0:
        return 0
    return abs(a // gcd(a, b) * b)


def ext_gcd(a, b):
    # returns g; prints the Bezout coefficients
    old_r, r = a, b
    old_s, s = 1, 0
    old_t, t = 0, 1
    while r != 0:
        q = old_r // r
        old_r, r = r, old_r - q * r
        old_s, s = s, old_s - q * s
        old_t, t = t, old_t - q * t
    print("  bezout", a, b, "->", old_s, old_t, "check", a * old_s + b * old_t)
    return old_r


def main(argv):
    pairs = [12, 18, 17, 5, 0, 9, 100, 75, -12, 18, 12, -18, 1071, 462, 0, 0]
    i = 0
    while i < len(pairs):
        a = pairs[i]
        b = pairs[i + 1]
        print(a, b, gcd(a, b), gcd_rec(a, b), lcm(a, b))
        i += 2
    print(ext_gcd(240, 46), ext_gcd(17, 5), ext_gcd(1071, 462))
    acc = 1
    for k in range(1, 41):
        acc = lcm(acc, k)
    print("lcm(1..40) =", acc)
    coprime = 0
    for a in range(1, 101):
        for b in range(1, 101):
            if gcd(a, b) == 1:
                coprime += 1
    print("coprime pairs in 1..100:", coprime)
    print(gcd(9223372036854775807, 3), gcd(4611686018427387904, 6917529027641081856))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
