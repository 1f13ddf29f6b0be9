class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None

class Shape(object):
    kind = "shape"
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return self.name + " with area " + str(self.area())

class Square(Shape):
    def __init__(self, side):
        Shape.__init__(self, "square")
        self.side = side
    def area(self):
        return self.side * self.side

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
    def __str__(self):
        return "Rect(" + str(self.w) + "x" + str(self.h) + ")"

class MyError(Exception):
    def __init__(self, code):
        Exception.__init__(self, "code " + str(code))
        self.code = code

class Other(ValueError):
    pass

ORIGIN = Square(0)

def check(n):
    if n > 2:
        raise MyError(n)
    if n < 0:
        raise Other("negative")
    return n

def main(argv):
    head = None
    for i in range(5):
        nd = Node(i)
        nd.next = head
        head = nd
    total = 0
    while head is not None:
        total += head.value
        head = head.next
    print(total)
    shapes = [Square(3), Rect(2, 5), Shape("blob"), ORIGIN]
    for s in shapes:
        print(s.describe(), s.kind, isinstance(s, Square), isinstance(s, Shape))
    r = Rect(1, 2)
    print(r, str(r))
    for n in [1, 5, -1]:
        try:
            print(check(n))
        except MyError as e:
            print("MyError", e.code, e)
        except ValueError as e:
            print("ValueError", e)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
