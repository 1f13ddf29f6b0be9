# Recursion: Ackermann, Hanoi move counting, sum of digits, power set size, McCarthy 91.


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return 0
    count = hanoi(n - 1, src, via, dst, moves)
    if n <= 2 and len(moves) < 12:
        moves.append(src + "->" + dst)
    count = count + 1
    return count + hanoi(n - 1, via, dst, src, moves)


def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)


def mc91(n):
    if n > 100:
        return n - 10
    return mc91(mc91(n + 11))


def main(argv):
    for m in range(3):
        line = ""
        for n in range(4):
            line = line + str(ackermann(m, n)) + " "
        print("A(" + str(m) + ", n):", line)
    print("A(2, 3) =", ackermann(2, 3), "A(3, 3) =", ackermann(3, 3))
    moves = []
    print("hanoi(10) moves:", hanoi(10, "a", "c", "b", moves))
    print(moves)
    print(digit_sum(9223372036854775807), digit_sum(0), digit_sum(1999))
    print(mc91(1), mc91(50), mc91(100), mc91(101), mc91(200))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
