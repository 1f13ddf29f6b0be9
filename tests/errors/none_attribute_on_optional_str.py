def first(argv):
    if len(argv) > 1:
        return argv[1]
    return None

def main(argv):
    s = first(argv)
    print(s.upper())
    return 0
