"""Slots, properties, bound methods, defaults, function attributes, nested modules."""

import os.path


class Point(object):
    __slots__ = ("x", "y", "__secret")

    def __init__(self, x, y):
        self.x = x
        self.y = y


ORIGIN = Point(0, 0)


class Temp(object):
    def __init__(self):
        self._c = 0.0

    def get_c(self):
        return self._c

    celsius = property(get_c)

    def bump(self):
        self._c += 1


T = Temp()
bump = T.bump
append = [].append


def defaults(a, b=ORIGIN, *, c=(1, 2)):
    return a


defaults._always_inline_ = True


def unused_closure():
    x = 1

    def inner():
        return x

    return inner


def empty_cell():
    def inner():
        return later

    f = inner
    if False:
        later = 1
    return f


EMPTY = empty_cell()


def main(argv):
    return defaults(ORIGIN.x) + T.celsius + bump() + append(1) + os.path.join("a", "b") + EMPTY()
