def main(argv):
    if len(argv) > 5:
        raise
    return 0
