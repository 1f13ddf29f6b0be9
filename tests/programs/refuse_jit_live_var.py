# A variable live across the merge point that is neither green nor red: the JIT could
# not carry it, so `rpy translate --jit` refuses it and names it.
from rpy.jit import JitDriver

driver = JitDriver(greens=["pc"], reds=["acc"])


def run(n):
    pc = 0
    acc = 0
    limit = n * 2
    while pc < 10:
        driver.jit_merge_point(pc=pc, acc=acc)
        acc += limit
        pc += 1
    return acc


def main(argv):
    print(run(3))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
