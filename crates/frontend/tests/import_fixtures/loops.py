"""Loops forever while it is imported."""


def spin():
    n = 0
    while True:
        n += 1


spin()


def main(argv):
    return 0
