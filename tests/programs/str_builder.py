# rpy.rstring.StringBuilder: append, append_slice, append_multiple_char, getlength,
# build (more than once), wide characters, and the same code under CPython.
from rpy.rstring import StringBuilder


def render(rows):
    sb = StringBuilder()
    for r in rows:
        sb.append("[")
        sb.append(r)
        sb.append("]")
        sb.append_multiple_char("-", 3)
    return sb.build()


def main(argv):
    sb = StringBuilder()
    print(sb.getlength(), repr(sb.build()))
    sb.append("hello")
    sb.append(", ")
    sb.append_slice("the world!", 4, 9)
    print(sb.getlength(), sb.build())
    sb.append_multiple_char("!", 3)
    sb.append_multiple_char("?", 0)
    print(sb.getlength(), sb.build())
    sb.append(" caf\u00e9 ")
    sb.append("\u20ac\U0001f600")
    sb.append_multiple_char("\u2022", 2)
    print(sb.getlength(), sb.build())
    print(render(["a", "bc", ""]))
    sized = StringBuilder(100)
    for i in range(20):
        sized.append(str(i))
    print(sized.getlength(), sized.build())
    try:
        sb.append_slice("abc", 2, 1)
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        sb.append_multiple_char("ab", 2)
    except AssertionError as e:
        print("AssertionError:", e)
    print(sb.build() == sb.build())
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
