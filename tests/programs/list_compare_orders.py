# Lexicographic comparison of lists of ints, strs, floats and bools; min and max of lists.


def main(argv):
    a = [1, 2, 3]
    print(a < [1, 2, 4], a < [1, 2], a <= [1, 2, 3], a > [0, 9, 9, 9], a >= [1, 2, 3, 0], a != [1, 2, 3])
    s = ["b", "a"]
    print(s < ["b"], s > ["b"], ["a", "c"] < s, ["B"] < ["a"], [""] < [], [] <= [])
    f = [0.1 + 0.2, -0.0]
    print(f, f == [0.30000000000000004, 0.0], f < [0.3], max(f), min(f))
    b = [True, False, True]
    print(b, max(b), min(b), True in b, b < [True, True], b * 2)
    print(max(["pear", "apple", "zoo", "Zoo"]), min(["pear", "apple", "zoo", "Zoo"]))
    print(max([3, -1, 7, 7, 2]), min([-0.0, 0.0]), max([0.0, -0.0]), max([-5]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
