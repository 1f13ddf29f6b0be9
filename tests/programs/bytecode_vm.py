# A tiny stack-bytecode interpreter: programs are flat lists of ints, the stack is a
# preallocated list with a stack pointer.

PUSH = 0
ADD = 1
SUB = 2
MUL = 3
DUP = 4
SWAP = 5
JUMP_IF_ZERO = 6
JUMP = 7
PRINT = 8
HALT = 9
LOAD = 10
STORE = 11
LT = 12
POP = 13
MOD = 14


def zeros(n):
    out = []
    for i in range(n):
        out.append(0)
    return out


def run(code, nregs, trace):
    stack = zeros(32)
    sp = 0
    regs = zeros(nregs)
    pc = 0
    steps = 0
    while True:
        op = code[pc]
        steps += 1
        if trace:
            line = "  pc " + str(pc) + " op " + str(op) + " stack"
            for i in range(sp):
                line = line + " " + str(stack[i])
            print(line)
        if op == PUSH:
            stack[sp] = code[pc + 1]
            sp += 1
            pc += 2
        elif op == ADD or op == SUB or op == MUL or op == LT or op == MOD:
            b = stack[sp - 1]
            a = stack[sp - 2]
            sp -= 2
            if op == ADD:
                r = a + b
            elif op == SUB:
                r = a - b
            elif op == MUL:
                r = a * b
            elif op == MOD:
                r = a % b
            elif a < b:
                r = 1
            else:
                r = 0
            stack[sp] = r
            sp += 1
            pc += 1
        elif op == DUP:
            stack[sp] = stack[sp - 1]
            sp += 1
            pc += 1
        elif op == SWAP:
            top = stack[sp - 1]
            stack[sp - 1] = stack[sp - 2]
            stack[sp - 2] = top
            pc += 1
        elif op == POP:
            sp -= 1
            pc += 1
        elif op == JUMP_IF_ZERO:
            sp -= 1
            if stack[sp] == 0:
                pc = code[pc + 1]
            else:
                pc += 2
        elif op == JUMP:
            pc = code[pc + 1]
        elif op == PRINT:
            sp -= 1
            print("out:", stack[sp])
            pc += 1
        elif op == LOAD:
            stack[sp] = regs[code[pc + 1]]
            sp += 1
            pc += 2
        elif op == STORE:
            sp -= 1
            regs[code[pc + 1]] = stack[sp]
            pc += 2
        elif op == HALT:
            return steps
        else:
            print("bad opcode", op)
            return -1


def emit(code, op, arg):
    code.append(op)
    code.append(arg)
    return len(code) - 1


def emit0(code, op):
    code.append(op)


def squares_program():
    # r0 = 10; r1 = 0; while r0: r1 = r1 + r0 * r0; r0 = r0 - 1; print r1
    code = []
    emit(code, PUSH, 10)
    emit(code, STORE, 0)
    emit(code, PUSH, 0)
    emit(code, STORE, 1)
    loop = len(code)
    emit(code, LOAD, 0)
    exit_at = emit(code, JUMP_IF_ZERO, -1)
    emit(code, LOAD, 1)
    emit(code, LOAD, 0)
    emit0(code, DUP)
    emit0(code, MUL)
    emit0(code, ADD)
    emit(code, STORE, 1)
    emit(code, LOAD, 0)
    emit(code, PUSH, 1)
    emit0(code, SUB)
    emit(code, STORE, 0)
    emit(code, JUMP, loop)
    code[exit_at] = len(code)
    emit(code, LOAD, 1)
    emit0(code, PRINT)
    emit0(code, HALT)
    return code


def primes_program(limit):
    # r0 = n, r1 = d, r2 = count of primes below limit, by trial division
    code = []
    emit(code, PUSH, 2)
    emit(code, STORE, 0)
    emit(code, PUSH, 0)
    emit(code, STORE, 2)
    loop_n = len(code)
    emit(code, LOAD, 0)
    emit(code, PUSH, limit)
    emit0(code, LT)
    end_at = emit(code, JUMP_IF_ZERO, -1)
    emit(code, PUSH, 2)
    emit(code, STORE, 1)
    loop_d = len(code)
    emit(code, LOAD, 0)
    emit(code, LOAD, 1)
    emit0(code, DUP)
    emit0(code, MUL)
    emit0(code, LT)
    body_at = emit(code, JUMP_IF_ZERO, -1)
    prime_at = emit(code, JUMP, -1)
    code[body_at] = len(code)
    emit(code, LOAD, 0)
    emit(code, LOAD, 1)
    emit0(code, MOD)
    composite_at = emit(code, JUMP_IF_ZERO, -1)
    emit(code, LOAD, 1)
    emit(code, PUSH, 1)
    emit0(code, ADD)
    emit(code, STORE, 1)
    emit(code, JUMP, loop_d)
    code[prime_at] = len(code)
    emit(code, LOAD, 2)
    emit(code, PUSH, 1)
    emit0(code, ADD)
    emit(code, STORE, 2)
    code[composite_at] = len(code)
    emit(code, LOAD, 0)
    emit(code, PUSH, 1)
    emit0(code, ADD)
    emit(code, STORE, 0)
    emit(code, JUMP, loop_n)
    code[end_at] = len(code)
    emit(code, LOAD, 2)
    emit0(code, PRINT)
    emit0(code, HALT)
    return code


def main(argv):
    arith = [PUSH, 6, PUSH, 7, MUL, PUSH, 2, SUB, DUP, ADD, PRINT, HALT]
    print("steps", run(arith, 0, True))
    squares = squares_program()
    print(squares)
    print("steps", run(squares, 2, False))
    primes = primes_program(2000)
    print("program length", len(primes))
    print("steps", run(primes, 3, False))
    print("bad", run([PUSH, 1, 99], 0, False))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
