def main(argv):
    if argv[0] < 3:
        print("small")
    return 0
