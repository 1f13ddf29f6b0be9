def main(argv):
    double = lambda x: x * 2
    print(double(3))
    return 0
