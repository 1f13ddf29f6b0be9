# No main(argv) function: there is no entry point to translate.


def helper(argv):
    print("hello")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(helper(sys.argv))
