# if/elif/else chains, nested ifs, conditions on several types.


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"


def grade(score):
    if score >= 90:
        g = "A"
    elif score >= 80:
        g = "B"
    elif score >= 70:
        g = "C"
    else:
        if score >= 60:
            g = "D"
        else:
            g = "F"
    return g


def sign_of(x):
    if x > 0.0:
        return 1
    if x < 0.0:
        return -1
    return 0


def main(argv):
    for n in [-5, 0, 3, 42, 1000]:
        print(n, classify(n))
    for s in [95, 85, 75, 65, 55, 90, 89]:
        print(s, grade(s))
    print(sign_of(2.5), sign_of(-0.1), sign_of(0.0), sign_of(-0.0))
    word = "beta"
    if word == "alpha":
        print("first")
    elif word == "beta":
        print("second")
    else:
        print("other")
    if len(argv) > 2:
        print("at least two arguments")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
