# FizzBuzz to 100, then counts of each kind.


def word(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return str(n)


def main(argv):
    fizz = 0
    buzz = 0
    both = 0
    for n in range(1, 101):
        w = word(n)
        print(w)
        if w == "FizzBuzz":
            both += 1
        elif w == "Fizz":
            fizz += 1
        elif w == "Buzz":
            buzz += 1
    print(fizz, buzz, both)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
