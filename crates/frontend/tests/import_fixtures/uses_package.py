"""Reads attributes through a package and its submodule."""

import pkgdemo.sub


def main(argv):
    return pkgdemo.sub.VALUE + len(pkgdemo.GREETING) + pkgdemo.sub.get()
