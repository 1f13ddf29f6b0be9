# An exit status above 255 is taken modulo 256, as by the OS.


def main(argv):
    print("exit 256+7")
    return 263


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
