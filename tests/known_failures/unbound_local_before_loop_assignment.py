# A local read in a loop before its only assignment later in the loop body: the first
# iteration's read raises UnboundLocalError (caught here, uncaught at the end).


def caught():
    out = 0
    for i in range(3):
        try:
            out += y
        except UnboundLocalError:
            out += 100
        y = i
    return out


def uncaught():
    out = 0
    for i in range(3):
        out += y
        y = i
    return out


def main(argv):
    print(caught())
    print("next")
    print(uncaught())
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
