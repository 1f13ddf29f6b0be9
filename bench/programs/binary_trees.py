# The Computer Language Benchmarks Game's binary-trees, for the GC benchmarks: allocate
# and discard many perfect binary trees while one long-lived tree stays alive.
#
#   python3 bench/programs/binary_trees.py [MAX_DEPTH]    (default 16)
#
# A tree node is an instance with two child fields (None at the leaves): rpy has no
# recursive tuples.


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
    n = 16
    if len(argv) > 1:
        n = int(argv[1])
    min_depth = 4
    max_depth = max(min_depth + 2, n)
    stretch_depth = max_depth + 1
    print(f"stretch tree of depth {stretch_depth}\t check: {check_tree(make_tree(stretch_depth))}")
    long_lived_tree = make_tree(max_depth)
    mmd = max_depth + min_depth
    for d in range(min_depth, stretch_depth, 2):
        iterations = 2 ** (mmd - d)
        check = 0
        for i in range(iterations):
            check += check_tree(make_tree(d))
        print(f"{iterations}\t trees of depth {d}\t check: {check}")
    print(f"long lived tree of depth {max_depth}\t check: {check_tree(long_lived_tree)}")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
