def add(a, b):
    return a + b

def main(argv):
    print(add(1, 2, 3))
    return 0
