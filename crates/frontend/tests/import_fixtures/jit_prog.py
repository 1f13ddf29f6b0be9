"""Uses rpy's library: a JitDriver instance and a library decorator."""

from rpy.jit import JitDriver, elidable
from rpy import jit

driver = JitDriver(greens=["pc"], reds=["acc"])


@elidable
def lookup(x):
    return x + 1


def main(argv):
    pc = 0
    acc = 0
    while pc < 10:
        driver.jit_merge_point(pc=pc, acc=acc)
        acc = lookup(acc)
        pc += 1
    return jit is None
