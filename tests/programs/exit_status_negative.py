# A negative exit status (-1) becomes 255.


def main(argv):
    print("exit -1")
    return -1


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
