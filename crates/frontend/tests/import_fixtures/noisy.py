"""Prints while it is imported, to stdout and straight to fd 1."""

import os
import sys

print("hello from import")
sys.stdout.write("{not json\n")
os.write(1, b"raw fd 1 output\n")


def main(argv):
    return 0
