class Item(object):
    def __init__(self, name, weight):
        self.name = name
        self.weight = weight
    def __repr__(self):
        return self.name

def by_weight(it):
    return it.weight

def neg(x):
    return -x

def main(argv):
    a = [5, 3, 8, 1, 9, 2]
    a.sort()
    print(a)
    a.sort(reverse=True)
    print(a)
    a.sort(key=neg)
    print(a, a.pop(), a.pop(0), a)
    a.insert(0, 42)
    a.insert(-1, 7)
    a.insert(100, 8)
    print(a, a.index(7), a.count(8))
    a.remove(8)
    a.reverse()
    print(a)
    b = a.copy()
    b.extend([10, 11])
    b += [12]
    del b[0]
    del b[-1]
    print(a, b, len(b))
    items = [Item("x", 3), Item("y", 1), Item("z", 2)]
    items.sort(key=by_weight)
    print(items)
    words = ["pear", "apple", "fig"]
    words.sort()
    print(words, words.index("fig"))
    fl = [2.5, -1.0, 0.5]
    fl.sort()
    print(fl, fl.pop())
    b.clear()
    print(b)
    try:
        b.pop()
    except IndexError as e:
        print("IndexError", e)
    try:
        a.remove(999)
    except ValueError:
        print("ValueError")
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
