def op_add(a, b):
    return a + b

def op_sub(a, b):
    return a - b

def op_mul(a, b):
    return a * b

OPS = [op_add, op_sub, op_mul]
NAMES = ["add", "sub", "mul"]

def apply(f, x, y):
    return f(x, y)

def pick(n):
    if n == 0:
        return op_add
    return op_mul

def main(argv):
    for i in range(len(OPS)):
        print(NAMES[i], OPS[i](7, 3))
    table = [op_sub, op_add]
    for f in table:
        print(apply(f, 10, 4))
    g = pick(0)
    print(g(2, 3), pick(1)(2, 3))
    h = op_add
    if len(argv) > 5:
        h = op_sub
    print(h(1, 1))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
