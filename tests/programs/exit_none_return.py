# main returning None (falling off the end) exits with status 0.


def main(argv):
    print("returns None")


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
