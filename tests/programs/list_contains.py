# x in list and x not in list for ints and strs.


def main(argv):
    primes = [2, 3, 5, 7, 11, 13]
    for n in range(15):
        if n in primes:
            print(n, "prime")
        elif n not in [0, 1]:
            print(n, "composite")
        else:
            print(n, "neither")
    print(0 in [], -1 in [-1], 5 in [1, 2, 3] or 2 in [1, 2, 3])
    seen = []
    data = [3, 1, 3, 2, 1, 5, 3, 2]
    for x in data:
        if x not in seen:
            seen.append(x)
    print("unique", seen)
    vowels = ["a", "e", "i", "o", "u"]
    word = "education"
    count = 0
    for i in range(len(word)):
        if word[i] in vowels:
            count += 1
    print("vowels in", word, count)
    print("alpha" in argv, "gamma" in argv)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
