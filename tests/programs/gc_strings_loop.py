# GC: strings built and dropped in loops (concatenation, slicing, joining, formatting,
# replace, split, StringBuilder); a few kept in a list; checksums of all of them.

from rpy.rstring import StringBuilder


def digest(s, h):
    for i in range(0, len(s), 7):
        h = (h * 131 + ord(s[i])) & 0xffffffff
    return (h + len(s)) & 0xffffffff


def main(argv):
    kept = []
    h = 0
    for i in range(15000):
        s = "item" + str(i)
        s = s + "-" + s[::-1]
        t = s.upper().replace("ITEM", "it")
        parts = t.split("-")
        joined = "/".join(parts) + "%d:%s" % (i, parts[0])
        f = f"{i:06d}|{joined}|{len(parts)}"
        h = digest(f, h)
        if i % 1500 == 0:
            kept.append(f)
    print("concat:", h, len(kept))
    for rnd in range(30):
        sb = StringBuilder()
        for i in range(300):
            sb.append(str(i * rnd))
            sb.append(",")
        text = sb.build()
        h = digest(text, h)
        fields = text.split(",")
        h = (h + len(fields)) & 0xffffffff
        if rnd % 10 == 0:
            kept.append(text[:40])
    print("builder:", h, len(kept))
    acc = ""
    for i in range(3000):
        acc = acc + chr(97 + i % 26)
        if len(acc) > 200:
            h = digest(acc, h)
            acc = acc[100:]
    print("sliding:", h, len(acc), acc[:10])
    total = 0
    for s in kept:
        total += len(s)
        h = digest(s, h)
    print("kept:", total, h)
    print(kept[0], kept[len(kept) - 1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
