# Module-level lists mutated by functions: aliases of the prebuilt list see the changes.
TABLE = [1, 2, 3]
NAMES = ["x", "y"]
LIMIT = 10
ALIAS = TABLE


def push(v):
    TABLE.append(v)
    return len(TABLE)


def main(argv):
    print(push(4), TABLE, ALIAS)
    TABLE[0] = 99
    print(ALIAS[0], LIMIT)
    NAMES.append("z")
    print(NAMES, len(NAMES))
    local = TABLE
    local.append(5)
    print(TABLE)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
