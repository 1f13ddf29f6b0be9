"""Does not parse."""


def main(argv)
    return 0
