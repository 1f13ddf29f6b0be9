# Raising inside an except handler, bare raise after a nested try, finally before propagation.


def a(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        raise ValueError("from handler")


def b(n):
    try:
        try:
            return a(n)
        finally:
            print("b inner finally")
    except ValueError as e:
        print("b caught", e)
        return -1


def c(n):
    try:
        raise IndexError("first")
    except IndexError:
        try:
            raise ValueError("second")
        except ValueError as e:
            print("c inner", e)
        print("c after inner")
        if n:
            raise
    return 0


def d():
    try:
        try:
            raise ValueError("d1")
        finally:
            print("d finally")
    except IndexError:
        print("wrong")
    return 1


def main(argv):
    print(b(0), b(5))
    print(c(0))
    try:
        c(1)
    except IndexError as e:
        print("reraised", e)
    try:
        d()
    except ValueError as e:
        print("main got", e)
    try:
        try:
            raise ValueError("x")
        except ValueError:
            raise IndexError("y")
        finally:
            print("finally runs before propagation")
    except IndexError as e:
        print("got", e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
