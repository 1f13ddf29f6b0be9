# Truth values of ints, floats, strs, lists and None in conditions.


def describe_int(label, flag):
    if flag:
        print(label, "-> true")
    else:
        print(label, "-> false")


def describe_float(label, flag):
    if flag:
        print(label, "-> true")
    else:
        print(label, "-> false")


def describe_str(label, flag):
    if flag:
        print(label, "-> true")
    else:
        print(label, "-> false")


def describe_list(label, flag):
    if flag:
        print(label, "-> true")
    else:
        print(label, "-> false")


def maybe(n):
    if n > 0:
        return "positive"
    return None


def main(argv):
    describe_int("0", 0)
    describe_int("-3", -3)
    describe_float("0.0", 0.0)
    describe_float("-0.0", -0.0)
    describe_float("0.5", 0.5)
    describe_str("''", "")
    describe_str("'0'", "0")
    describe_str("' '", " ")
    empty = []
    describe_list("[]", empty)
    empty.append(0)
    describe_list("[0]", empty)
    if argv:
        print("argv -> true")
    none_value = maybe(0)
    if none_value:
        print("None -> true")
    else:
        print("None -> false")
    if maybe(1):
        print("maybe(1) -> true")
    r = maybe(0)
    if r is None:
        print("r is None")
    r = maybe(5)
    if r is not None:
        print("r is", r)
    items = []
    while not items:
        items.append(1)
    print(items)
    n = 5
    while n:
        n -= 1
    print("n", n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
