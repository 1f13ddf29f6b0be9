def main(argv):
    print(argv[0].casefold())
    return 0
