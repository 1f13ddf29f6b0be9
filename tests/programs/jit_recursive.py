# A tiny language with function calls, interpreted recursively: the portal calls
# itself (a residual call into the portal, which has its own JIT entry).
from rpy.jit import JitDriver

driver = JitDriver(greens=["pc", "code"], reds=["n", "acc", "stack"])

# Bytecodes: 0 = if n < 2 return n; 1 = acc += fib(n-1); 2 = acc += fib(n-2);
# 3 = return acc; 4 = loop: count down n into acc
def interp(code, n):
    pc = 0
    acc = 0
    stack = [0]
    while True:
        driver.jit_merge_point(pc=pc, code=code, n=n, acc=acc, stack=stack)
        op = code[pc]
        if op == 0:
            if n < 2:
                return n
            pc += 1
        elif op == 1:
            acc += interp(code, n - 1)
            pc += 1
        elif op == 2:
            acc += interp(code, n - 2)
            pc += 1
        elif op == 3:
            return acc
        elif op == 4:
            if n > 0:
                acc += n
                stack[0] += 1
                n -= 1
                driver.can_enter_jit(pc=pc, code=code, n=n, acc=acc, stack=stack)
            else:
                return acc + stack[0]

def main(argv):
    print(interp([0, 1, 2, 3], 18))
    print(interp([4], 5000))
    print(interp([0, 1, 2, 3], 10))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
