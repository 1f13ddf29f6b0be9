# The exit status is main's return value, here computed from the arguments.


def main(argv):
    n = len(argv) - 1
    print("arguments:", n)
    return n + 40


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
