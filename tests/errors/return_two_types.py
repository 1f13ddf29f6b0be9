def parse(s):
    if s.isdigit():
        return int(s)
    return s

def main(argv):
    print(parse(argv[0]))
    return 0
