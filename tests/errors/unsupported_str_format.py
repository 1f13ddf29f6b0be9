def main(argv):
    print("{} items".format(len(argv)))
    return 0
