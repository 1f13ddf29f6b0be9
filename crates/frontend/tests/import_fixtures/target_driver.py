"""An RPython-style target taking (driver, args)."""

SEEN = []


def entry_point(argv):
    return 0


def target(driver, args):
    SEEN.append((driver, args))
    return entry_point, None
