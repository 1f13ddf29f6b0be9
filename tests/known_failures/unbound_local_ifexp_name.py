# A maybe-unassigned local read in a conditional expression: the UnboundLocalError
# names the variable.

def f0(a):
    if a > 2:
        x = 1
    y = (x if a < 100 else 5) % 9973
    return y


def main(argv):
    for i in [5, 1]:
        try:
            print("result", i, f0(i))
        except UnboundLocalError as e:
            print("main UnboundLocalError", e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
