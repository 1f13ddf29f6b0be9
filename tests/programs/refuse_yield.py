# Generators are outside the language: yield is refused.


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def main(argv):
    for v in count_up(3):
        print(v)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
