def main(argv):
    if len(argv) > 1:
        total = 1
    print(total)
    return 0
