# An uncaught IndexError inside a loop runs the finally clause, then ends the program with status 1.


def step(i):
    if i == 3:
        return [0, 1][i]
    return i


def main(argv):
    for i in range(5):
        try:
            print(step(i))
        finally:
            print("fin", i)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
