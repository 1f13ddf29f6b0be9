def main(argv):
    total = 0
    for a in argv:
        total = total + 0.5
    print(total)
    return 0
