def late(x):
    return x + "s"

def early(x):
    return x - "t"

def main(argv):
    print(late(1))
    print(early(2))
    return 0
