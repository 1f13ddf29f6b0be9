# Recursion 900 deep, Ackermann, Hanoi, and an exception unwinding 900 frames through finally.


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def sum_list(lst, i):
    if i >= len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def find_raise(n):
    if n == 0:
        raise IndexError("bottom")
    try:
        return find_raise(n - 1)
    finally:
        if n % 300 == 0:
            print("unwinding", n)


def hanoi(n, a, b, c, moves):
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append(a * 10 + c)
    hanoi(n - 1, b, a, c, moves)


def main(argv):
    print(depth(900))
    print(sum_list([i for i in range(800)], 0))
    print(ackermann(2, 3), ackermann(3, 3))
    try:
        find_raise(900)
    except IndexError as e:
        print("caught", e)
    moves = []
    hanoi(6, 1, 2, 3, moves)
    print(len(moves), moves[0], moves[-1], moves[31])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
