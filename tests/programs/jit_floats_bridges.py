# Float arithmetic in a traced loop, with a branch whose direction changes partway
# (guard failures, then a bridge), and a loop nested in another.
from rpy.jit import JitDriver

driver = JitDriver(greens=["phase"], reds=["i", "n", "x", "y", "hits"])

def simulate(n):
    i = 0
    x = 0.0
    y = 1.0
    hits = 0
    phase = 0
    while i < n:
        driver.jit_merge_point(phase=phase, i=i, n=n, x=x, y=y, hits=hits)
        if i % 3 == 0 or i > n // 2:
            x = x * 0.5 + y * 0.25
        else:
            y = y - x * 0.125
        if x > 0.3:
            hits += 1
        i += 1

    return x, y, hits

inner_driver = JitDriver(greens=[], reds=["j", "m", "s"])

def inner(m):
    j = 0
    s = 0.0
    while j < m:
        inner_driver.jit_merge_point(j=j, m=m, s=s)
        s += 1.0 / (j + 1)
        j += 1
    return s

def main(argv):
    x, y, hits = simulate(5000)
    print(x, y, hits)
    total = 0.0
    for k in range(40):
        total += inner(k * 10)
    print(total)
    print(inner(0), inner(1))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
