BIG = 2 ** 70

def main(argv):
    print(BIG)
    return 0
