# A zero slice step raises ValueError, for strs and lists; the last one is uncaught.


def main(argv):
    s = "abc"
    xs = [1, 2, 3]
    try:
        print(s[::0])
    except ValueError as e:
        print("str:", e)
    try:
        print(xs[1:2:0])
    except ValueError as e:
        print("list:", e)
    step = len(argv) - 3
    print(s[::step])
    print("not reached")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
