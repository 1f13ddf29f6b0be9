# String concatenation with +, of literals, variables and str() results.


def greet(name):
    return "Hello, " + name + "!"


def main(argv):
    a = "foo"
    b = "bar"
    c = a + b
    print(c, len(c))
    print(a + "" + b, "" + "", len("" + ""))
    print(greet("world"), greet(""))
    print("n=" + str(42) + ", x=" + str(1.5) + ", ok=" + str(True))
    s = a
    s = s + s
    s = s + s
    print(s, len(s))
    t = "x"
    for i in range(5):
        t = t + "-" + str(i)
    print(t)
    print("tab:\t|", "quote:\"", "apostrophe:'", "backslash:\\")
    print("multi\nline")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
