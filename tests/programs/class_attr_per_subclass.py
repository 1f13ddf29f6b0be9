# Class attributes that differ between subclasses, read through an instance of the
# base class (they live in the vtable), with str, int and bool values.


class Node(object):
    kind = "node"
    arity = 0
    leaf = True

    def __init__(self, label):
        self.label = label


class Add(Node):
    kind = "add"
    arity = 2
    leaf = False


class Neg(Node):
    kind = "neg"
    arity = 1
    leaf = False


class Lit(Node):
    pass


class BigLit(Lit):
    kind = "biglit"


def describe(n):
    return "%s/%d/%s:%s" % (n.kind, n.arity, n.leaf, n.label)


def main(argv):
    nodes = [Node("a"), Add("b"), Neg("c"), Lit("d"), BigLit("e")]
    total = 0
    for n in nodes:
        print(describe(n))
        total += n.arity
        if n.leaf:
            total += 100
    print(total)
    kinds = [n.kind for n in nodes]
    print(", ".join(kinds))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
