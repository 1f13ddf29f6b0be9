# A def inside a function is outside the slice.


def main(argv):
    def helper(y):
        return y + 1
    print(helper(2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
