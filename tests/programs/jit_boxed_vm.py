# A stack VM with boxed values (ints and floats), a frame object and polymorphic
# methods: the JIT traces through method calls; guards fail when types change.
from rpy.jit import JitDriver, promote, elidable

class W_Object(object):
    def add(self, other):
        raise TypeError("unsupported add")

    def lt(self, other):
        raise TypeError("unsupported lt")

    def str(self):
        return "?"

class W_Int(W_Object):
    _immutable_fields_ = ["intval"]

    def __init__(self, v):
        self.intval = v

    def add(self, other):
        if isinstance(other, W_Int):
            return W_Int(self.intval + other.intval)
        if isinstance(other, W_Float):
            return W_Float(self.intval + other.floatval)
        return W_Object.add(self, other)

    def lt(self, other):
        if isinstance(other, W_Int):
            return self.intval < other.intval
        return float(self.intval) < other.float_value()

    def float_value(self):
        return float(self.intval)

    def str(self):
        return str(self.intval)

class W_Float(W_Object):
    _immutable_fields_ = ["floatval"]

    def __init__(self, v):
        self.floatval = v

    def add(self, other):
        return W_Float(self.floatval + other.float_value())

    def lt(self, other):
        return self.floatval < other.float_value()

    def float_value(self):
        return self.floatval

    def str(self):
        return str(self.floatval)

class Frame(object):
    def __init__(self, nlocals):
        self.stack = []
        self.locals = [None] * nlocals

    def push(self, w):
        self.stack.append(w)

    def pop(self):
        return self.stack.pop()

PUSH_INT, PUSH_FLOAT, LOAD, STORE, ADD, LT, JUMP_IF_FALSE, JUMP, PRINT, HALT = range(10)

driver = JitDriver(greens=["pc", "code"], reds=["frame", "consts"])

@elidable
def arg_of(code, pc):
    return code[pc + 1]

def run(code, consts, nlocals):
    frame = Frame(nlocals)
    pc = 0
    while True:
        driver.jit_merge_point(pc=pc, code=code, frame=frame, consts=consts)
        op = code[pc]
        if op == PUSH_INT:
            frame.push(W_Int(arg_of(code, pc)))
            pc += 2
        elif op == PUSH_FLOAT:
            frame.push(W_Float(consts[arg_of(code, pc)]))
            pc += 2
        elif op == LOAD:
            frame.push(frame.locals[arg_of(code, pc)])
            pc += 2
        elif op == STORE:
            frame.locals[arg_of(code, pc)] = frame.pop()
            pc += 2
        elif op == ADD:
            b = frame.pop()
            a = frame.pop()
            frame.push(a.add(b))
            pc += 1
        elif op == LT:
            b = frame.pop()
            a = frame.pop()
            frame.push(W_Int(1 if a.lt(b) else 0))
            pc += 1
        elif op == JUMP_IF_FALSE:
            w = frame.pop()
            assert isinstance(w, W_Int)
            if w.intval == 0:
                pc = arg_of(code, pc)
            else:
                pc += 2
        elif op == JUMP:
            target = arg_of(code, pc)
            if target < pc:
                pc = target
                driver.can_enter_jit(pc=pc, code=code, frame=frame, consts=consts)
            else:
                pc = target
        elif op == PRINT:
            print(frame.pop().str())
            pc += 1
        elif op == HALT:
            return frame

def program(limit, step_is_float):
    # i = 0; acc = 0; while i < limit: acc = acc + i; i = i + step; print acc
    code = [PUSH_INT, 0, STORE, 0, PUSH_INT, 0, STORE, 1,
            LOAD, 0, PUSH_INT, limit, LT, JUMP_IF_FALSE, 32,
            LOAD, 1, LOAD, 0, ADD, STORE, 1,
            LOAD, 0, PUSH_FLOAT if step_is_float else PUSH_INT, 0 if step_is_float else 1, ADD, STORE, 0,
            JUMP, 8, 0,
            LOAD, 1, PRINT, LOAD, 0, PRINT, HALT]
    return code

def main(argv):
    run(program(3000, False), [0.5], 2)
    run(program(1000, True), [0.5], 2)
    # A mixed run: ints, then the float step changes the types mid-loop.
    code = program(500, False)
    run(code, [0.25], 2)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
