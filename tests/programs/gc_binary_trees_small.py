# GC: binary-trees (the Benchmarks Game program) at a small depth: many short-lived
# trees of instances while one long-lived tree stays alive; the long-lived tree is then
# mutated with fresh subtrees (old -> young) and checked again.


class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def check_tree(node):
    left = node.left
    right = node.right
    if left is None or right is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


def main(argv):
    min_depth = 4
    max_depth = 11
    stretch_depth = max_depth + 1
    print("stretch tree of depth %d\t check: %d" % (
        stretch_depth, check_tree(make_tree(stretch_depth))))
    long_lived_tree = make_tree(max_depth)
    for d in range(min_depth, stretch_depth, 2):
        iterations = 2 ** (max_depth + min_depth - d)
        check = 0
        for i in range(iterations):
            check += check_tree(make_tree(d))
        print("%d\t trees of depth %d\t check: %d" % (iterations, d, check))
    print("long lived tree of depth %d\t check: %d" % (max_depth, check_tree(long_lived_tree)))
    # graft fresh subtrees into the old tree: walk left, replace right children
    node = long_lived_tree
    depth = 0
    while node.left is not None:
        node.right = make_tree(depth % 4)
        for i in range(20):
            make_tree(5)   # garbage between the stores
        node = node.left
        depth += 1
    print("grafted", depth, "check:", check_tree(long_lived_tree))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
