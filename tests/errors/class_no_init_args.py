class Empty:
    pass

def main(argv):
    e = Empty(1)
    return 0
