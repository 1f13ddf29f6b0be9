class ParseError(Exception):
    pass

def main(argv):
    if len(argv) > 3:
        raise ParseError("bad", 3)
    return 0
