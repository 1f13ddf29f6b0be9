# Many appends to a StringBuilder and long joins: appends must be amortized O(1).
from rpy.rstring import StringBuilder


def main(argv):
    sb = StringBuilder()
    n = 300000
    for i in range(n):
        sb.append(str(i % 10))
        if i % 1000 == 0:
            sb.append_multiple_char("\u00e9", 2)
    s = sb.build()
    print(len(s), sb.getlength(), s[:20], s[-10:])
    wide = StringBuilder()
    for i in range(100000):
        wide.append("\u20ac" if i % 7 == 0 else "x")
    w = wide.build()
    print(len(w), w.count("\u20ac"))
    parts = []
    for i in range(100000):
        parts.append(str(i))
    joined = ",".join(parts)
    print(len(joined), joined[-12:])
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
