# The messages of builtin exceptions raised by the runtime and by raise, caught by their bases.


def boom(kind):
    if kind == 0:
        raise ValueError
    if kind == 1:
        raise ValueError()
    if kind == 2:
        raise ValueError("")
    if kind == 3:
        raise IndexError("idx " + str(kind))
    if kind == 4:
        assert kind == 5, "assert msg"
    if kind == 5:
        assert kind == 6
    if kind == 6:
        raise ZeroDivisionError("custom zero")
    if kind == 7:
        x = [1][kind]
    if kind == 8:
        x = "abc"[-4]
    if kind == 9:
        x = 1.0 / 0
    if kind == 10:
        x = 5 % 0
    if kind == 11:
        x = int("zz")
    if kind == 12:
        x = float("zz")
    if kind == 13:
        x = int(float("inf"))
    if kind == 14:
        x = int(float("nan"))
    if kind == 15:
        x = 0.0 ** -1
    if kind == 16:
        raise RuntimeError("rt")
    if kind == 17:
        raise KeyError()
    if kind == 18:
        raise TypeError("t")
    if kind == 19:
        raise NotImplementedError("ni")
    return kind


def main(argv):
    for k in range(21):
        try:
            print("ret", boom(k))
        except AssertionError as e:
            print("assert", "[" + str(e) + "]")
        except ArithmeticError as e:
            print("arith", "[" + str(e) + "]")
        except LookupError as e:
            print("lookup", "[" + str(e) + "]")
        except ValueError as e:
            print("value", "[" + str(e) + "]")
        except Exception as e:
            print("other", "[" + str(e) + "]")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
