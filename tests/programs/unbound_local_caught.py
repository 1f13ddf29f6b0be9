def f(c):
    if c:
        x = 1
    try:
        return x + 1
    except NameError:
        return -1

def main(argv):
    print(f(True))
    print(f(False))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
