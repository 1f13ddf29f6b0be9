def key_len(s):
    return len(s)

def main(argv):
    names = ["delta", "al", "charlie", "bo"]
    for i, n in enumerate(names):
        print(i, n)
    for i, n in enumerate(names, 10):
        print(i, n)
    for a, b in zip([1, 2, 3], "xy"):
        print(a, b)
    print(list(zip(range(3), [2.5, 3.5, 4.5])))
    print(sorted(names), sorted(names, key=key_len), sorted(names, reverse=True), names)
    print(list(reversed(names)), list(range(4)), list("abc"), sorted("hello"))
    for x in reversed(range(3)):
        print(x)
    print(sum([1, 2, 3]), sum([0.5, 0.25]), sum(range(10)), sum([]))
    print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]), any(["", "a"]))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
