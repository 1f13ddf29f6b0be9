# **kwargs parameters are outside the slice.


def configure(name, **options):
    return name


def main(argv):
    print(configure("x", level=3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
