# A Brainfuck interpreter: the program is a str, the tape a list of ints; output as numbers.


def match_brackets(prog):
    jumps = []
    stack = []
    for i in range(len(prog)):
        jumps.append(-1)
        stack.append(0)
    sp = 0
    for i in range(len(prog)):
        c = prog[i]
        if c == "[":
            stack[sp] = i
            sp += 1
        elif c == "]":
            sp -= 1
            j = stack[sp]
            jumps[i] = j
            jumps[j] = i
    return jumps


def run(prog, tape_size):
    jumps = match_brackets(prog)
    tape = []
    for i in range(tape_size):
        tape.append(0)
    out = []
    ptr = 0
    pc = 0
    steps = 0
    while pc < len(prog):
        c = prog[pc]
        if c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == ".":
            out.append(tape[ptr])
        elif c == "[":
            if tape[ptr] == 0:
                pc = jumps[pc]
        elif c == "]":
            if tape[ptr] != 0:
                pc = jumps[pc]
        pc += 1
        steps += 1
    print("steps", steps)
    return out


def main(argv):
    hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+."
    print(run(hello, 16))
    # multiply 7 by 6 into cell 2
    print(run("+++++++[>++++++[>+<-]<-]>>.", 8))
    # count down from 5, printing each value; wrap around below zero
    print(run("+++++[.-].-.", 4))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
