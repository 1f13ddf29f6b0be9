# GC: old dicts pointing to young keys and values (the write barrier on dict entries).
# Long-lived dicts (str keys, int keys, instance keys) are built, garbage makes them
# old, then fresh values and keys are stored; more garbage; contents verified.


class Val(object):
    def __init__(self, n, text):
        self.n = n
        self.text = text


class Key(object):
    def __init__(self, k):
        self.k = k


def churn(n):
    total = 0
    d = {}
    for i in range(n):
        v = Val(i, str(i))
        d[i & 63] = v
        total += d[i & 63].n & 1
    return total + len(d)


def main(argv):
    by_name = {}
    by_num = {}
    by_key = {}
    keys = []
    for i in range(2000):
        by_name["k" + str(i)] = Val(i, "old")
        by_num[i * 7] = Val(-i, "old")
        k = Key(i)
        keys.append(k)
        by_key[k] = Val(i * 2, "old")
    print("churn:", churn(120000))
    for rnd in range(4):
        for i in range(0, 2000, 3):
            by_name["k" + str(i)] = Val(i + rnd, "new" + str(rnd))   # fresh value, old key
            by_name["n" + str(rnd) + "_" + str(i)] = Val(rnd, "added")  # fresh key too
            by_num[i * 7] = Val(i * rnd, "n")
        for i in range(0, 2000, 5):
            k = keys[i]
            by_key[k] = Val(i * 3 + rnd, "kv")
            nk = Key(-i - rnd * 10000)        # a young key in an old dict
            keys.append(nk)
            by_key[nk] = Val(rnd, "young key")
        for i in range(1, 2000, 11):
            if i * 7 in by_num:
                del by_num[i * 7]
            by_num[i * 7 + 1] = Val(i + rnd, "moved")
        print("churn", rnd, churn(40000))
        t1 = 0
        for name in by_name:
            v = by_name[name]
            t1 = (t1 * 17 + v.n + len(v.text) + len(name)) & 0xffffffff
        t2 = 0
        for num, v in by_num.items():
            t2 = (t2 * 13 + num + v.n + len(v.text)) & 0xffffffff
        t3 = 0
        for k in keys:
            if k in by_key:
                v = by_key[k]
                t3 = (t3 * 7 + k.k + v.n + len(v.text)) & 0xffffffff
        print("round", rnd, len(by_name), len(by_num), len(by_key), t1, t2, t3)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
