# An exception raised in try's else clause is not caught by that try's handlers.


def f(n):
    try:
        x = 10 // n
    except ZeroDivisionError:
        print("handler 1")
        return -1
    else:
        if n == 5:
            y = [1][n]
        return x
    finally:
        print("finally", n)


def g(n):
    try:
        return f(n)
    except IndexError:
        print("outer caught index from else")
        return -2


def h(lst):
    out = 0
    for v in lst:
        try:
            q = 100 // v
        except ZeroDivisionError:
            continue
        else:
            out += q
            if out > 60:
                break
        finally:
            out += 1000
    else:
        out = -out
    return out


def main(argv):
    print(g(0), g(5), g(3))
    print(h([0, 5, 0, 4]), h([1]), h([]), h([0]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
