# Copying a maybe-unassigned local (y = x, return x) raises UnboundLocalError at that
# read, inside the try around it: nothing after the read runs, and the error names x.


def copy(flag):
    if flag:
        x = 1
    try:
        y = x
        print("after read")
    except UnboundLocalError as e:
        print("caught:", e)
        y = -1
    return y


def ret(flag):
    if flag:
        x = 2
    try:
        return x
    except UnboundLocalError:
        return -2


def main(argv):
    print(copy(True), ret(True))
    print(copy(False))
    print(ret(False))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
