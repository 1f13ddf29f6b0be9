from rpy.jit import JitDriver

driver = JitDriver(greens=["pc"], reds=["acc"])

def run(limit):
    pc = 0
    acc = 0
    while pc < 10:
        driver.jit_merge_point(pc=pc, acc=acc)
        acc += limit
        pc += 1
    return acc

def main(argv):
    print(run(len(argv)))
    return 0
