"""Calls sys.exit while it is imported."""

import sys

sys.exit(7)


def main(argv):
    return 0
