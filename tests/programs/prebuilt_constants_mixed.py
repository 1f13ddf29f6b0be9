# Module constants built at import: comprehensions, lists of floats/bools/strs, nested and shared lists.
SQUARES = [i * i for i in range(10)]
FLOATS = [0.5 * i for i in range(4)]
FLAGS = [i % 2 == 0 for i in range(5)]
WORDS = "the quick brown fox".split(" ")
GRID = [[1, 2], [3, 4]]
PI = 3.141592653589793
NEGZ = -0.0
ON = True
NOTHING = None
NAME = "rpy" * 2
INF = float("inf")
SHARED = [7, 8]
TWICE = [SHARED, SHARED]


def main(argv):
    print(SQUARES, FLOATS, FLAGS, WORDS)
    print(GRID[1][0], len(GRID), PI, NEGZ, ON, NOTHING, NAME, INF)
    TWICE[0].append(9)
    print(len(TWICE[1]), SHARED[-1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
