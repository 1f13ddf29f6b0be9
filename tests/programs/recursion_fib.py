# Recursive and iterative Fibonacci agree.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iter(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


def main(argv):
    line = ""
    for i in range(15):
        line = line + str(fib(i)) + " "
    print(line)
    print("fib(22) =", fib(22))
    print("fib_iter(22) =", fib_iter(22))
    print("fib_iter(90) =", fib_iter(90))
    ok = True
    for i in range(20):
        if fib(i) != fib_iter(i):
            ok = False
    print("agree", ok)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
