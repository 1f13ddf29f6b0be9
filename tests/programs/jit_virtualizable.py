# A frame as a virtualizable: its stack, depth and locals live in registers in traces.
# Residual calls read and change the frame in memory, guards fail with boxes on the
# stack, and a loop exits with values that must be written back into the frame.
from rpy.jit import JitDriver, dont_look_inside, promote


class W_Int(object):
    _immutable_fields_ = ["v"]

    def __init__(self, v):
        self.v = v


class Frame(object):
    _virtualizable_ = ["stack[*]", "sp", "locals[*]"]

    def __init__(self, depth, nlocals):
        self.stack = [None] * depth
        self.sp = 0
        self.locals = [None] * nlocals

    def push(self, w):
        sp = promote(self.sp)
        self.stack[sp] = w
        self.sp = sp + 1

    def pop(self):
        sp = promote(self.sp) - 1
        w = self.stack[sp]
        self.stack[sp] = None
        self.sp = sp
        return w


@dont_look_inside
def peek_and_double(frame):
    # Reads and writes the frame in memory, behind the JIT's back.
    w = frame.stack[frame.sp - 1]
    frame.stack[frame.sp - 1] = W_Int(w.v * 2)
    return frame.sp


driver = JitDriver(greens=["pc", "code"], reds=["frame", "steps"], virtualizables=["frame"])

# ops: 0 push const, 1 load local, 2 store local, 3 add, 4 jump-if-less (local < const)
#      5 double via a residual call, 6 print top, 7 halt, 8 sub
def run(code, frame):
    pc = 0
    steps = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame, steps=steps)
        op = code[pc]
        arg = code[pc + 1]
        pc += 2
        steps += 1
        if op == 0:
            frame.push(W_Int(arg))
        elif op == 1:
            frame.push(frame.locals[arg])
        elif op == 2:
            frame.locals[arg] = frame.pop()
        elif op == 3:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(a.v + b.v))
        elif op == 8:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(a.v - b.v))
        elif op == 4:
            w = frame.locals[0]
            if w.v < arg:
                pc = 0
                driver.can_enter_jit(pc=pc, code=code, frame=frame, steps=steps)
        elif op == 5:
            sp = peek_and_double(frame)
            if sp > 100:
                print("deep")
        elif op == 6:
            print(frame.pop().v)
        elif op == 7:
            return steps


def main(argv):
    # i = i + 1; acc = acc + i (doubled every iteration where the residual call runs)
    code = [1, 0, 0, 1, 3, 0, 2, 0, 1, 1, 1, 0, 3, 0, 2, 1, 4, 3000, 1, 1, 6, 0, 7, 0]
    f = Frame(4, 2)
    f.locals[0] = W_Int(0)
    f.locals[1] = W_Int(0)
    print(run(code, f))
    print(f.sp, f.locals[0].v, f.locals[1].v)
    code2 = [1, 1, 5, 0, 0, 7, 8, 0, 2, 1, 1, 0, 0, 1, 3, 0, 2, 0, 4, 40, 1, 1, 6, 0, 7, 0]
    g = Frame(4, 2)
    g.locals[0] = W_Int(0)
    g.locals[1] = W_Int(1)
    print(run(code2, g))
    print(g.sp, g.locals[0].v, g.locals[1].v)
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
