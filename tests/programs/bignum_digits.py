# Arbitrary-precision arithmetic on lists of decimal digits (least significant first).


def from_int(n):
    digits = []
    if n == 0:
        digits.append(0)
    while n > 0:
        digits.append(n % 10)
        n = n // 10
    return digits


def to_str(digits):
    s = ""
    i = len(digits) - 1
    while i > 0 and digits[i] == 0:
        i -= 1
    while i >= 0:
        s = s + str(digits[i])
        i -= 1
    return s


def mul_small(digits, m):
    out = []
    carry = 0
    for d in digits:
        v = d * m + carry
        out.append(v % 10)
        carry = v // 10
    while carry > 0:
        out.append(carry % 10)
        carry = carry // 10
    return out


def add(a, b):
    out = []
    carry = 0
    n = max(len(a), len(b))
    for i in range(n):
        v = carry
        if i < len(a):
            v = v + a[i]
        if i < len(b):
            v = v + b[i]
        out.append(v % 10)
        carry = v // 10
    if carry:
        out.append(carry)
    return out


def digit_sum(digits):
    s = 0
    for d in digits:
        s = s + d
    return s


def main(argv):
    f = from_int(1)
    for k in range(1, 51):
        f = mul_small(f, k)
        if k % 10 == 0:
            print(str(k) + "! =", to_str(f))
    print("digits of 50!:", len(to_str(f)), "digit sum", digit_sum(f))
    p = from_int(1)
    for k in range(100):
        p = mul_small(p, 2)
    print("2**100 =", to_str(p))
    a = from_int(0)
    b = from_int(1)
    for k in range(150):
        a, b = b, add(a, b)
    print("fib(150) =", to_str(a))
    print(to_str(from_int(0)), to_str(from_int(9223372036854775807)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
