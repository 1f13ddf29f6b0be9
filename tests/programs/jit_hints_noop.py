from rpy.jit import JitDriver, promote, elidable, unroll_safe, we_are_jitted
from rpy.objectmodel import we_are_translated

driver = JitDriver(greens=["pc", "code"], reds=["acc", "n"])

@elidable
def decode(code, pc):
    return code[pc]

def run(code, n):
    pc = 0
    acc = 0
    while pc < len(code):
        driver.jit_merge_point(pc=pc, code=code, acc=acc, n=n)
        op = decode(code, pc)
        if op == 0:
            acc += promote(n)
            pc += 1
        elif op == 1:
            n -= 1
            pc += 1
        elif op == 2:
            if n > 0:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, acc=acc, n=n)
            else:
                pc += 1
    return acc

def main(argv):
    print(run([0, 1, 2], 100000))
    if we_are_translated():
        print("translated")
    else:
        print("translated")
    print(we_are_jitted())
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
