class Point:
    def __init__(self, x):
        self.x = x

    def __str__(self):
        return self.x

def main(argv):
    print(Point(1))
    return 0
