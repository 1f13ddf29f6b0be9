# GC: dicts and sets that grow, shrink and are rebuilt (resizes move the entry tables
# around), with str keys made fresh each time and instance values; sets of strs too.


class Rec(object):
    def __init__(self, name, n):
        self.name = name
        self.n = n


def main(argv):
    live = {}
    tags = set()
    checksum = 0
    for rnd in range(40):
        # grow: fresh keys, fresh values
        for i in range(600):
            key = "r" + str((rnd * 600 + i) % 5000)
            live[key] = Rec(key, i + rnd)
            tags.add(key[:3])
        # shrink: pop about a third
        for i in range(0, 600, 3):
            key = "r" + str((rnd * 600 + i) % 5000)
            if key in live:
                rec = live.pop(key)
                checksum = (checksum + rec.n + len(rec.name)) & 0xffffffff
        # a temporary dict and set, built and dropped
        tmp = {}
        for key in live:
            tmp[key + "!"] = live[key].n
        seen = set()
        for key in tmp:
            seen.add(key[1:4])
        checksum = (checksum * 3 + len(tmp) + len(seen)) & 0xffffffff
        if rnd % 10 == 9:
            live = dict(live)          # a copy replaces the dict
            tags = set(tags)
        t = 0
        for key, rec in live.items():
            if rec.name != key:
                print("BAD", key, rec.name)
            t = (t * 31 + rec.n) & 0xffffffff
        print("round", rnd, len(live), len(tags), t, checksum)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
