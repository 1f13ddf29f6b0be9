# GC and the JIT: an interpreter loop (with a JitDriver, so the oracle also runs it
# translated with --jit under eager JIT parameters) whose operations allocate boxes and
# store fresh objects into long-lived ones (a heap list, an environment's fields, a
# dict): compiled traces must allocate through the GC and keep its write barrier, and
# guard failures must rebuild frames whose objects may have moved.
from rpy.jit import JitDriver


class Box(object):
    _immutable_fields_ = ["value"]

    def __init__(self, value):
        self.value = value


class Cell(object):
    def __init__(self, box, tag):
        self.box = box
        self.tag = tag


class Env(object):
    def __init__(self, size):
        self.heap = [Cell(Box(0), "init")] * size
        self.last = Cell(Box(-1), "none")
        self.names = {}
        self.acc = Box(0)


NEW, STORE_HEAP, SET_LAST, PUT_NAME, ADD_ACC, LOOP = range(6)

driver = JitDriver(greens=["pc", "code"], reds=["i", "n", "base", "env", "cur"])


def run(code, env, n, base):
    pc = 0
    i = 0
    cur = Cell(Box(0), "start")
    while True:
        driver.jit_merge_point(pc=pc, code=code, i=i, n=n, base=base, env=env, cur=cur)
        op = code[pc]
        if op == NEW:
            cur = Cell(Box(i * 3 + base), "c")
            pc += 1
        elif op == STORE_HEAP:
            env.heap[i % len(env.heap)] = cur               # old list -> young cell
            pc += 1
        elif op == SET_LAST:
            if i % 7 == 0:
                env.last = Cell(Box(i + base), "last")            # old env -> young cell
            pc += 1
        elif op == PUT_NAME:
            if i % 50 == 0:
                env.names["n" + str((i + base) % 900)] = cur        # old dict -> young cell
            pc += 1
        elif op == ADD_ACC:
            env.acc = Box((env.acc.value + cur.box.value) & 0xffffffff)
            pc += 1
        elif op == LOOP:
            i += 1
            if i >= n:
                return i
            pc = 0
            driver.can_enter_jit(pc=pc, code=code, i=i, n=n, base=base, env=env, cur=cur)


def checksum(env):
    t = 0
    for c in env.heap:
        t = (t * 31 + c.box.value + len(c.tag)) & 0xffffffff
    u = 0
    for name, c in env.names.items():
        u = (u * 17 + len(name) + c.box.value) & 0xffffffff
    return t, u, env.last.box.value, env.acc.value


def main(argv):
    code = [NEW, STORE_HEAP, SET_LAST, PUT_NAME, ADD_ACC, LOOP]
    env = Env(5000)
    for rnd in range(4):
        run(code, env, 10000, rnd * 1000 + 1)
        print("round", rnd, checksum(env))
    # a second code shape: the same operations in another order
    code2 = [NEW, ADD_ACC, NEW, STORE_HEAP, PUT_NAME, SET_LAST, LOOP]
    run(code2, env, 10000, 7)
    print("other", checksum(env))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
