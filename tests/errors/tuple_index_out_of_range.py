def main(argv):
    t = (1, 2)
    print(t[2])
    return 0
