# Exception objects built in one function and raised in another; bare except and bare raise.


def make(n):
    if n == 0:
        return ValueError("made zero")
    return ValueError("made " + str(n))


def thrower(n):
    err = make(n)
    raise err


def main(argv):
    for n in range(3):
        try:
            thrower(n)
        except ValueError as e:
            print("caught", e)
    try:
        raise IndexError("no from")
    except IndexError as e:
        print(e)
    try:
        x = [1][3]
    except:
        print("bare except")
    try:
        try:
            y = 1 // 0
        except:
            print("bare, reraise")
            raise
    except ZeroDivisionError as e:
        print("outer", e)
    e2 = ValueError("kept")
    print(e2)
    print(str(ValueError()), "|", str(ValueError("")), "|", str(ValueError(5)), "|", str(ValueError(1.5)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
