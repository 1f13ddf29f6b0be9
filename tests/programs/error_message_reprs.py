# The messages of int()/float() errors quote the argument with repr().


def pi(s):
    try:
        return str(int(s))
    except ValueError as e:
        return "ValueError: " + str(e)


def pf(s):
    try:
        return str(float(s))
    except ValueError as e:
        return "ValueError: " + str(e)


def main(argv):
    for s in ["abc", "", " ", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "é", "😀", "\x00", "\x7f", "\u200b", "1.5", "  12x  "]:
        print(pi(s))
        print(pf(s))
    try:
        int(float("nan"))
    except ValueError as e:
        print(e)
    try:
        int(float("-inf"))
    except OverflowError as e:
        print(e)
    try:
        print([1, 2][5])
    except IndexError as e:
        print(e)
    try:
        print("abc"[9])
    except IndexError as e:
        print(e)
    try:
        x = [1]
        x[3] = 2
    except IndexError as e:
        print(e)
    try:
        print(1.5 // 0.0)
    except ZeroDivisionError as e:
        print(e)
    try:
        print(1.5 % 0.0)
    except ZeroDivisionError as e:
        print(e)
    try:
        print(5 / 0)
    except ZeroDivisionError as e:
        print(e)
    try:
        print(0.0 ** -1)
    except ZeroDivisionError as e:
        print(e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
