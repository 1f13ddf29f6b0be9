# Exceptions raised several frames down, re-raised on the way, caught in a loop that continues or breaks.


def level3(n):
    if n % 3 == 0:
        raise ValueError("three")
    if n % 3 == 1:
        return [1, 2][n]
    return 10 // (n - n)


def level2(n):
    try:
        return level3(n)
    except IndexError:
        print("l2 index", n)
        raise


def level1(n):
    r = -1
    try:
        r = level2(n)
    finally:
        print("l1 finally", n, r)
    return r


def main(argv):
    count = 0
    for n in range(7):
        try:
            print("got", level1(n))
        except ValueError as e:
            print("value", e)
            count += 1
            continue
        except ZeroDivisionError as e:
            print("zero", e)
            if n > 4:
                break
        except IndexError as e:
            print("index", e)
        print("after", n)
    print("count", count, "n", n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
