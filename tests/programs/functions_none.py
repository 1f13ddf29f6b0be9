# Functions without return (or with a bare return) return None; calls as statements.


def log(msg):
    print("log:", msg)


def early(n):
    if n < 0:
        print("negative, stop")
        return
    print("value", n)


def find_index(items, target):
    for i in range(len(items)):
        if items[i] == target:
            return i
    return -1


def lookup(words, target):
    for w in words:
        if w == target:
            return w
    return None


def main(argv):
    log("start")
    r = log("again")
    print(r)
    early(5)
    early(-1)
    print(early(3))
    print(find_index([5, 6, 7], 7), find_index([5, 6, 7], 8))
    found = lookup(["x", "y"], "y")
    missing = lookup(["x", "y"], "z")
    print(found, missing, found is None, missing is None)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
