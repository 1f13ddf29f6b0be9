def add(a, b):
    return a + b

def main(argv):
    print(add(1, c=2))
    return 0
