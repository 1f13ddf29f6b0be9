# main returning 3 exits with status 3 after its output.


def main(argv):
    print("about to return 3")
    return 3


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
