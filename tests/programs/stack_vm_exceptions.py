# A small stack machine whose errors (bad opcode, empty stack, zero division, step limit) are exceptions.
PUSH = 0
ADD = 1
MUL = 2
JNZ = 3
DUP = 4
DEC = 5
SWAP = 6
POP = 7
PRINT = 8
DIV = 9
HALT = 10


def run(code, limit):
    stack = []
    pc = 0
    steps = 0
    while True:
        steps += 1
        if steps > limit:
            raise RuntimeError("step limit")
        op = code[pc]
        pc += 1
        if op == PUSH:
            stack.append(code[pc])
            pc += 1
        elif op == ADD or op == MUL or op == DIV:
            b = stack[-1]
            a = stack[-2]
            r = 0
            if op == ADD:
                r = a + b
            elif op == MUL:
                r = a * b
            else:
                r = a // b
            stack[-2] = r
            stack = pop_last(stack)
        elif op == JNZ:
            target = code[pc]
            pc += 1
            if stack[-1] != 0:
                pc = target
        elif op == DUP:
            stack.append(stack[-1])
        elif op == DEC:
            stack[-1] -= 1
        elif op == SWAP:
            stack[-1], stack[-2] = stack[-2], stack[-1]
        elif op == POP:
            stack = pop_last(stack)
        elif op == PRINT:
            print("top", stack[-1], "depth", len(stack))
        elif op == HALT:
            return steps
        else:
            raise ValueError("bad opcode " + str(op))


def pop_last(stack):
    out = []
    for i in range(len(stack) - 1):
        out.append(stack[i])
    return out


def main(argv):
    # factorial of 10 by a loop: acc n
    fact = [PUSH, 1, PUSH, 10, SWAP, PUSH, 0, POP, SWAP, DUP, SWAP, POP, DUP, PUSH, 0, ADD, SWAP, POP, PRINT, HALT]
    print(run(fact, 100))
    loop = [PUSH, 1, PUSH, 5, SWAP, DUP, ADD, SWAP, DEC, JNZ, 4, POP, PRINT, HALT]
    print(run(loop, 1000))
    for prog in [[PUSH, 1, PUSH, 0, DIV, HALT], [PUSH, 1, 42], [POP, HALT], [PUSH, 1, JNZ, 0]]:
        try:
            print(run(prog, 50))
        except ZeroDivisionError as e:
            print("zerodiv:", e)
        except ValueError as e:
            print("value:", e)
        except IndexError as e:
            print("index:", e)
        except RuntimeError as e:
            print("runtime:", e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
