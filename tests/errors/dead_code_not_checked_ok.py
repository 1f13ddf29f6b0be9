# rpy-test: expect success
DEBUG = False

def main(argv):
    x = 1
    if DEBUG:
        x = "debugging"
        print(undefined_in_dead_code(x))
    print(x)
    return 0
