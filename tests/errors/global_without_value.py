def bump():
    global counter
    counter = 1

def main(argv):
    bump()
    return 0
