def main(argv):
    print("%s and %s" % ("one",))
    return 0
