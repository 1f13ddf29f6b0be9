"""A module imported by meta.py."""

SCALE = 10
UNUSED = [1, 2, 3]


def scale(x):
    return x * SCALE
