def helper():
    return super().run()

def main(argv):
    helper()
    return 0
