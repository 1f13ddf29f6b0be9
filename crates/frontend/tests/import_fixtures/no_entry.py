"""Defines neither main nor target."""


def run(argv):
    return 0
