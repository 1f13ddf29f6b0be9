def main(argv):
    k = 2
    scale = lambda x, k=k: x * k
    print(scale(3))
    return 0
