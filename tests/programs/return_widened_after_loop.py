# A function whose return is None on the first pass of the annotator (the loop that
# assigns an instance is flowed later): its callers' uses of the result must not be
# judged on that first, narrower annotation.


class Cell(object):
    def __init__(self, value, link):
        self.value = value
        self.link = link

    def total(self):
        t = 0
        c = self
        while c is not None:
            t += c.value
            c = c.link
        return t


def build(n):
    head = None
    for i in range(n):
        head = Cell(i, head)
    return head


def longest(cells):
    best = None
    for c in cells:
        if best is None or c.total() > best.total():
            best = c
    return best


def main(argv):
    head = build(6)
    print(head.total(), head.value)
    print(longest([build(3), build(5), build(2)]).value)
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
