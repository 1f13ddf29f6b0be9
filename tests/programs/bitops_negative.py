# & | ^ ~ on negative ints behave as on infinite two's complement.


def main(argv):
    print(-5 & 3, -5 | 3, -5 ^ 3, ~-5)
    print(5 & -3, 5 | -3, 5 ^ -3, ~5)
    print(-5 & -3, -5 | -3, -5 ^ -3)
    print(~0, ~-1, ~9223372036854775807)
    print(-1 & 255, -256 & 255, -256 | 255)
    print(0x7fffffffffffffff & -0x10, 0x0f0f0f0f0f0f0f0f ^ -1)
    x = 0x5a5a
    for m in range(-4, 5):
        print(m, x & m, x | m, x ^ m, ~m)
    mask = 0
    i = 0
    while i < 63:
        mask = mask | (1 << i)
        i += 7
    print("mask", mask)
    print("popcount-ish", count_bits(mask), count_bits(255), count_bits(0))
    return 0


def count_bits(n):
    count = 0
    while n != 0:
        count += n & 1
        n = n >> 1
    return count


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
