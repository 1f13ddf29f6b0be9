# A syntax error on line 4: refused with the file and line.
def main(argv):
    print("hello")
    x = = 3
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
