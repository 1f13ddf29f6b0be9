def main(argv):
    n = len(argv)
    print(f"{n:>8q}")
    return 0
