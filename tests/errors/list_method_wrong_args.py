def main(argv):
    xs = [3, 1, 2]
    xs.insert(1)
    print(len(xs))
    return 0
