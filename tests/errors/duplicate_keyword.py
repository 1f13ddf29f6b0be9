def add(a, b):
    return a + b

def main(argv):
    print(add(1, a=2))
    return 0
