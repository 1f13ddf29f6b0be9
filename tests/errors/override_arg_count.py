class Shape:
    def area(self):
        return 0

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self, scale):
        return self.side * self.side * scale

def main(argv):
    shapes = [Shape(), Square(2)]
    for s in shapes:
        print(s.area())
    return 0
