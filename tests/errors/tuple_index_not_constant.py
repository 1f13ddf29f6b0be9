def main(argv):
    t = (1, 2, 3)
    i = len(argv)
    print(t[i])
    return 0
