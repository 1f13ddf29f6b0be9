"""A table too large for a snapshot."""

TABLE = list(range(250000))


def main(argv):
    return TABLE[0]
