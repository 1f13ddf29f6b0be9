"""An RPython-style target: `target()` returns the entry point."""


def entry_point(argv):
    return len(argv)


def target(*args):
    return entry_point, None
