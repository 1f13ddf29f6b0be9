def handle(kind):
    try:
        return int("x")
    except kind:
        return 0

def main(argv):
    return handle(ValueError)
