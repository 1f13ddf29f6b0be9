# Reading text files: open(path) / open(path, "r"), read(), close(), and the OSError
# subclasses CPython raises (the program reads its own source through __file__).

import sys

SELF = __file__


def read_all(path):
    f = open(path)
    try:
        return f.read()
    finally:
        f.close()


def try_open(path, show):
    try:
        f = open(path, "r")
        f.close()
        print("opened", show)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e)
    except IsADirectoryError as e:
        print("IsADirectoryError:", e)
    except OSError as e:
        print("OSError:", e)


def main(argv):
    text = read_all(SELF)
    lines = text.split("\n")
    print(len(lines) > 10, lines[0])
    print("def main(argv):" in lines)
    print(text.count("\r"), text.endswith("\n"))
    f = open(SELF)
    first = f.read()
    again = f.read()
    f.close()
    f.close()
    print(first == text, repr(again))
    try:
        f.read()
    except ValueError as e:
        print("ValueError:", e)
    try_open("no such file.txt", "missing")
    try_open(".", "dot")
    try_open(SELF, "itself")
    try:
        open(argv[1] + "/missing")
    except OSError as e:
        print("caught", e)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
