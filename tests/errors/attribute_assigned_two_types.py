class Point:
    def __init__(self):
        self.x = 0

    def name(self):
        self.x = "origin"

def main(argv):
    p = Point()
    p.name()
    return 0
