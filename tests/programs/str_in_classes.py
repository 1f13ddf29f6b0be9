# Strings through instances, exceptions and lists: a StringBuilder field, method
# chains, results of split reused and extended, tuple slices, optional ints in `%`.

from rpy.rstring import StringBuilder

class Writer(object):
    def __init__(self):
        self.sb = StringBuilder()
        self.lines = 0

    def line(self, s):
        self.sb.append(s)
        self.sb.append("\n")
        self.lines += 1

    def text(self):
        return self.sb.build()

def first_word(s):
    return s.strip().split(",")[0].lower()

def parse(line):
    try:
        k, eq, v = line.partition("=")
        return k.strip() + ":" + str(int(v))
    except ValueError as e:
        return "bad " + repr(line) + " " + str(e)

def main(argv):
    w = Writer()
    for s in ["  Alpha, beta", "GAMMA,delta  ", "x"]:
        w.line(first_word(s))
    print(w.text(), w.lines)
    for line in ["a = 1", "b=2", "c", "d=x", "e=1=2"]:
        print(parse(line))
    parts = "1 2 3".split()
    parts.append("4")
    print(parts, len(parts))
    acc = []
    for i in range(3):
        acc += "a,b".split(",")
    print(acc)
    t = (1, "two", 3.0, None)
    print(t[1:3], t[::-1], t[:1])
    maybe = None
    if len(argv) > 1:
        maybe = 5
    print("%d %s %5.1f" % (maybe, maybe, maybe))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
