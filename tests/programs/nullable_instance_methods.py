# Methods called and attributes set on a variable that may hold None (RPython allows
# both: `self` is never None inside a method, and None raises AttributeError).


class Node(object):
    def __init__(self, value, link):
        self.value = value
        self.link = link
        self.seen = False

    def mark(self):
        self.seen = True
        return self.link

    def total(self):
        t = self.value
        n = self.link
        while n is not None:
            t += n.value
            n = n.link
        return t


class Special(Node):
    def mark(self):
        self.seen = True
        self.value *= 10
        return self.link


def build(n):
    head = None
    for i in range(n):
        if i % 3 == 2:
            head = Special(i, head)
        else:
            head = Node(i, head)
    return head


def main(argv):
    head = build(7)
    print(head.total())
    node = head
    count = 0
    while node is not None:
        node = node.mark()
        count += 1
    print(count, head.total())
    last = head
    while last.link is not None:
        last = last.link
    last.value = 100
    print(head.total())
    maybe = build(0)
    try:
        maybe.value = 5
    except AttributeError as e:
        print("set:", e)
    try:
        maybe.mark()
    except AttributeError as e:
        print("call:", e)
    maybe = build(len(argv))
    maybe.seen = True
    print(maybe.seen, maybe.total())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
