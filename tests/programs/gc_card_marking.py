# GC: card marking. An old list of 5000 references (it gets a card table) receives
# young objects at scattered indexes between collections; only the marked cards are
# scanned, and every stored object must survive.
class Box(object):
    def __init__(self, v):
        self.v = v

def churn(n):
    t = 0
    for i in range(n):
        b = Box(i)
        t += b.v & 3
    return t

def main(argv):
    big = [Box(i) for i in range(5000)]
    churn(50000)
    total = 0
    for rnd in range(20):
        for k in range(0, 5000, 37 + rnd):
            big[k] = Box(k * 1000 + rnd)
        big.append(Box(-rnd))
        churn(20000)
        s = 0
        for b in big:
            s = (s * 31 + b.v) & 0xffffffff
        total ^= s
        print(rnd, s, len(big))
    print(total)
    return 0

if __name__ == "__main__":
    import sys
    main(sys.argv)
