def main(argv):
    if len(argv) > 1:
        break
    return 0
