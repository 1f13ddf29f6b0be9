# Keyword arguments at call sites, in any order, mixed with positional ones and defaults.


def describe(name, age, city="nowhere", active=True):
    s = name + " (" + str(age) + ") from " + city
    if active:
        s = s + ", active"
    else:
        s = s + ", inactive"
    return s


def rect_area(width, height):
    print("  width", width, "height", height)
    return width * height


def main(argv):
    print(describe("ann", 31))
    print(describe(name="bob", age=42))
    print(describe(age=7, name="cy"))
    print(describe("dee", 55, active=False))
    print(describe("eve", age=23, city="oslo"))
    print(describe("fay", 60, "rome", False))
    print(describe(active=False, city="lima", age=1, name="gus"))
    print(rect_area(height=3, width=4))
    print(rect_area(5, height=2))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
