# Exceptions inside loops with continue/break in handlers, else and finally clauses.


def parse_all(items):
    good = 0
    bad = 0
    for s in items:
        try:
            v = int(s)
        except ValueError:
            bad += 1
            continue
        else:
            if v < 0:
                break
        finally:
            good += 1
        print("parsed", v)
    return good * 100 + bad


def first_div(nums, d):
    i = 0
    while i < len(nums):
        try:
            r = nums[i] // d[i]
            if r > 2:
                return r
        except ZeroDivisionError:
            print("zero at", i)
        except IndexError:
            print("short d at", i)
            return -1
        i += 1
    return -2


def main(argv):
    print(parse_all(["1", "x", "2", "", "-3", "4"]))
    print(parse_all([]))
    print(first_div([1, 2, 30, 4], [1, 0, 2, 1]))
    print(first_div([1, 2, 3], [1, 1]))
    print(first_div([1], [1]))
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                raise ValueError("three")
            if n == 5:
                break
        except ValueError:
            print("ve", n)
            continue
        finally:
            print("f", n)
        print("body end", n)
    print("n", n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
