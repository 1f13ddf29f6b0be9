def main(argv):
    x = = 3
    return 0
