class Stack:
    def __init__(self):
        self.items = [0]

    def push(self, x):
        self.items.append(x)

def main(argv):
    s = Stack()
    s.push(1)
    s.peek()
    return 0
