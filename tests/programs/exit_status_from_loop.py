# The exit status is computed from a loop's result.


def main(argv):
    print("partial")
    total = 0
    for i in range(10):
        total += i
    if total == 45:
        return total - 3
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
