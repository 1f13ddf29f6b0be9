"""Raises while it is imported."""


def compute():
    return {}["missing key"]


TABLE = compute()


def main(argv):
    return 0
