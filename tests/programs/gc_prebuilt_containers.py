# GC: prebuilt mutable containers (made at import time, so they live in the binary's
# static data, outside any GC heap) filled at run time with freshly allocated objects:
# the collector must find those objects through the prebuilt dicts, lists and
# instances (roots it did not allocate). Lots of allocation follows, then all of it is
# read back.


class Entry(object):
    def __init__(self, key, n):
        self.key = key
        self.n = n
        self.tags = []


class Registry(object):
    def __init__(self):
        self.latest = None
        self.count = 0
        self.items = []
        self.index = {}


REGISTRY = Registry()
TABLE = {"seed": Entry("seed", 1)}
NUMBERS = {0: "zero"}
SLOTS = [Entry("slot", 0)]
NAMES = ["first"]
EMPTY = []


def churn(n):
    total = 0
    for i in range(n):
        e = Entry("t", i)
        e.tags.append("x")
        total += e.n & 3
    return total


def fill(rnd):
    for i in range(400):
        key = "k" + str(rnd) + "_" + str(i)
        e = Entry(key, i + rnd)
        e.tags.append(key + "!")
        TABLE[key] = e
        NUMBERS[rnd * 1000 + i] = str(i * rnd)
        REGISTRY.items.append(e)
        REGISTRY.index[key] = len(REGISTRY.items) - 1
        if i % 40 == 0:
            SLOTS.append(e)
            NAMES.append(key)
            EMPTY.append(Entry(key, -i))
        REGISTRY.latest = e
        REGISTRY.count += 1


def verify():
    t = 0
    for key in TABLE:
        e = TABLE[key]
        if e.key != key:
            print("BAD key", key, e.key)
        t = (t * 31 + e.n + len(e.tags)) & 0xffffffff
    for key in REGISTRY.index:
        e = REGISTRY.items[REGISTRY.index[key]]
        if e.key != key or len(e.tags) != 1 or e.tags[0] != key + "!":
            print("BAD registry", key)
    n = 0
    for k, v in NUMBERS.items():
        n = (n * 7 + k + len(v)) & 0xffffffff
    s = 0
    for e in SLOTS:
        s += e.n
    for name in NAMES:
        s += len(name)
    for e in EMPTY:
        s += e.n
    latest = REGISTRY.latest
    last = "-"
    if latest is not None:
        last = latest.key
    return t, n, s, REGISTRY.count, last


def main(argv):
    print("start:", verify())
    for rnd in range(8):
        fill(rnd)
        print("churn", rnd, churn(25000))
        print("verify", rnd, verify())
    # replace the prebuilt seed entry, then drop half the table
    TABLE["seed"] = Entry("seed", 99)
    for rnd in range(0, 8, 2):
        for i in range(400):
            del TABLE["k" + str(rnd) + "_" + str(i)]
    print("churn:", churn(30000))
    print("end:", len(TABLE), verify())
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
