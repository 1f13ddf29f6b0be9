def main(argv):
    with open(argv[0]) as f:
        print(f.read())
    return 0
