# Two inner lists with different item types inside one list: the message names both
# item types (int and str).


def main(argv):
    rows = [[1], ["a"]]
    print(len(rows))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
