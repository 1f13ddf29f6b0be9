# Every form of division by zero raises ZeroDivisionError; caught, the program goes on.


def try_floordiv(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        print("  // by zero")
        return 0


def try_mod(a, b):
    try:
        return a % b
    except ZeroDivisionError:
        print("  % by zero")
        return 0


def try_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        print("  / by zero")
        return 0.0


def try_fdiv(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        print("  float / by zero")
        return -1.0


def try_ffloordiv(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        print("  float // by zero")
        return -1.0


def try_fmod(a, b):
    try:
        return a % b
    except ZeroDivisionError:
        print("  float % by zero")
        return -1.0


def main(argv):
    for d in [2, 0, -3]:
        print(try_floordiv(7, d), try_mod(7, d), try_div(7, d))
    for d in [2.0, 0.0, -0.0]:
        print(try_fdiv(7.0, d), try_ffloordiv(7.0, d), try_fmod(7.0, d))
    print(try_fdiv(0.0, 0.0))
    print("mixed", try_div(1, 0), try_fdiv(1.5, 0.0))
    print("still running")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
