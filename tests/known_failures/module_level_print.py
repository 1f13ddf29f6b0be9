# Output printed by module-level code (at import) is part of the program's output.
print("module level")
TOTAL = 0
for i in range(3):
    TOTAL += i


def main(argv):
    print("main", TOTAL)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
