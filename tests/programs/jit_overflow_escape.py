# ovfcheck in traced code (overflow switches to another path), a portal that returns
# from inside the traced loop, and an uncaught exception raised from JIT-ed code.
from rpy.jit import JitDriver
from rpy.rarithmetic import ovfcheck

driver = JitDriver(greens=["step"], reds=["x", "count"])

def grow(x, step):
    count = 0
    while True:
        driver.jit_merge_point(step=step, x=x, count=count)
        try:
            x = ovfcheck(x * step)
        except OverflowError:
            return count
        count += 1

d2 = JitDriver(greens=[], reds=["i", "lst"])

def fails_late(lst):
    i = 0
    while True:
        d2.jit_merge_point(i=i, lst=lst)
        lst[i] += 1
        i += 1

def main(argv):
    for s in range(2, 40):
        print(s, grow(1, s))
    lst = [0] * 3000
    print(len(lst))
    fails_late(lst)
    print("not reached")
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
