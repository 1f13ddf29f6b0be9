# rpy demo: a small stack-bytecode virtual machine, the kind of interpreter loop rpy
# (and, with --jit, its generated tracing JIT) is made for, plus a Mandelbrot view.
#
#   python3 examples/demo.py [N]            # run it under CPython
#   rpy translate examples/demo.py -o demo  # translate it, then: ./demo [N]
#
# The VM counts the primes below N (default 30000) by trial division.

PUSH = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
MOD = 6
LT = 7
JUMP = 8
JUMP_IF_FALSE = 9
PRINT = 10
HALT = 11


def zeros(n):
    out = []
    for i in range(n):
        out.append(0)
    return out


def interpret(code, nregs):
    """Runs `code` (a flat list of ints) and returns the number of instructions executed."""
    stack = zeros(16)
    sp = 0
    regs = zeros(nregs)
    pc = 0
    executed = 0
    while True:
        op = code[pc]
        executed += 1
        if op == PUSH:
            stack[sp] = code[pc + 1]
            sp += 1
            pc += 2
        elif op == LOAD:
            stack[sp] = regs[code[pc + 1]]
            sp += 1
            pc += 2
        elif op == STORE:
            sp -= 1
            regs[code[pc + 1]] = stack[sp]
            pc += 2
        elif op == JUMP:
            pc = code[pc + 1]
        elif op == JUMP_IF_FALSE:
            sp -= 1
            if stack[sp] == 0:
                pc = code[pc + 1]
            else:
                pc += 2
        elif op == PRINT:
            sp -= 1
            print("  vm says:", stack[sp])
            pc += 1
        elif op == HALT:
            return executed
        else:
            b = stack[sp - 1]
            a = stack[sp - 2]
            sp -= 1
            if op == ADD:
                stack[sp - 1] = a + b
            elif op == SUB:
                stack[sp - 1] = a - b
            elif op == MUL:
                stack[sp - 1] = a * b
            elif op == MOD:
                stack[sp - 1] = a % b
            elif a < b:
                stack[sp - 1] = 1
            else:
                stack[sp - 1] = 0
            pc += 1


def emit(code, op, arg):
    code.append(op)
    code.append(arg)
    return len(code) - 1


def count_primes_program(limit):
    """Bytecode for: count = 0; for n in 2..limit-1: if n has no divisor d, d*d <= n: count += 1."""
    N = 0
    D = 1
    COUNT = 2
    code = []
    emit(code, PUSH, 2)
    emit(code, STORE, N)
    emit(code, PUSH, 0)
    emit(code, STORE, COUNT)
    top = len(code)                      # while n < limit
    emit(code, LOAD, N)
    emit(code, PUSH, limit)
    code.append(LT)
    done = emit(code, JUMP_IF_FALSE, -1)
    emit(code, PUSH, 2)                  # d = 2
    emit(code, STORE, D)
    inner = len(code)                    # while d * d < n + 1
    emit(code, LOAD, D)
    emit(code, LOAD, D)
    code.append(MUL)
    emit(code, LOAD, N)
    emit(code, PUSH, 1)
    code.append(ADD)
    code.append(LT)
    prime = emit(code, JUMP_IF_FALSE, -1)
    emit(code, LOAD, N)                  # if n % d == 0: not a prime
    emit(code, LOAD, D)
    code.append(MOD)
    composite = emit(code, JUMP_IF_FALSE, -1)
    emit(code, LOAD, D)                  # d += 1
    emit(code, PUSH, 1)
    code.append(ADD)
    emit(code, STORE, D)
    emit(code, JUMP, inner)
    code[prime] = len(code)              # count += 1
    emit(code, LOAD, COUNT)
    emit(code, PUSH, 1)
    code.append(ADD)
    emit(code, STORE, COUNT)
    code[composite] = len(code)          # n += 1
    emit(code, LOAD, N)
    emit(code, PUSH, 1)
    code.append(ADD)
    emit(code, STORE, N)
    emit(code, JUMP, top)
    code[done] = len(code)
    emit(code, LOAD, COUNT)
    code.append(PRINT)
    code.append(HALT)
    return code


def mandelbrot(width, height):
    shades = " .:-=+*#%@"
    for y in range(height):
        ci = -1.15 + 2.3 * y / (height - 1)
        line = ""
        for x in range(width):
            cr = -2.2 + 3.0 * x / (width - 1)
            zr = 0.0
            zi = 0.0
            n = 0
            while n < 40 and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            if n == 40:
                line = line + "@"
            else:
                line = line + shades[n % 9]
        print(line)


def main(argv):
    limit = 30000
    if len(argv) > 1:
        try:
            limit = int(argv[1])
        except ValueError:
            print("usage: demo [N]   (N: count the primes below N)")
            return 2
    print("rpy demo")
    print()
    mandelbrot(72, 21)
    print()
    code = count_primes_program(limit)
    print("a", len(code), "word bytecode program counts the primes below", limit)
    executed = interpret(code, 3)
    print("  the vm executed", executed, "instructions")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
