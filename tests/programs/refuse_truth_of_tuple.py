# The truth value of a tuple is refused (for now); the message names the type as
# rpy writes types elsewhere: tuple (int, str).


def main(argv):
    pair = (len(argv), "x")
    if pair:
        print("true")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
