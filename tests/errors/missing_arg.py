def area(w, h):
    return w * h

def main(argv):
    print(area(3))
    return 0
