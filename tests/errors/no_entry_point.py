def start(argv):
    print("hello")
    return 0
