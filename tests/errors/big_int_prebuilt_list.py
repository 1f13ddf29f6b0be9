TABLE = [1, 2 ** 70]

def main(argv):
    print(TABLE[0])
    return 0
