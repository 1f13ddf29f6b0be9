def show(value):
    print(value)

def main(argv):
    show(1)
    show("one")
    return 0
