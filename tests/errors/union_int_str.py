def main(argv):
    x = 0
    if len(argv) > 1:
        x = "many"
    print(x)
    return 0
