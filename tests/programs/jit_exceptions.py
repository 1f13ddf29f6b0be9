# Exceptions inside a JIT-ed interpreter loop: raised and caught in the same bytecode,
# raised by a helper and caught by the loop, and finally one that escapes.
from rpy.jit import JitDriver, dont_look_inside

class VMError(Exception):
    def __init__(self, msg):
        self.msg = msg

driver = JitDriver(greens=["pc", "code"], reds=["i", "acc", "errors", "n", "table"])

def checked_div(a, b):
    if b == 0:
        raise VMError("division by zero at %d" % a)
    return a // b

@dont_look_inside
def lookup(table, k):
    return table[k]

def run(code, n, table):
    pc = 0
    i = 0
    acc = 0
    errors = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, i=i, acc=acc, errors=errors, n=n, table=table)
        op = code[pc]
        if op == 0:
            try:
                acc += checked_div(1000, i % 7)
            except VMError:
                errors += 1
            pc += 1
        elif op == 1:
            try:
                acc += lookup(table, i % 5)
            except IndexError:
                acc -= 1
            pc += 1
        elif op == 2:
            try:
                acc += 10 // (i % 3)
            except ZeroDivisionError:
                errors += 2
            pc += 1
        elif op == 3:
            i += 1
            if i < n:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, i=i, acc=acc, errors=errors, n=n, table=table)
            else:
                pc += 1
    return acc * 1000 + errors

def main(argv):
    print(run([0, 1, 2, 3], 2000, [1, 2, 3]))
    print(run([2, 3], 500, [7]))
    try:
        run([1, 0, 3], 100, [])
    except IndexError:
        print("IndexError escaped? no: caught inside")
    # An exception that escapes the portal while the JIT runs it.
    print(run([0, 3], 50, [1]))
    table = [1, 2, 3, 4]
    return run([1, 3], 3000, table[:5]) % 7

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
