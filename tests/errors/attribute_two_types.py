class Point:
    def __init__(self, x):
        self.x = x

def main(argv):
    p = Point(1)
    q = Point("one")
    print(p.x)
    return 0
