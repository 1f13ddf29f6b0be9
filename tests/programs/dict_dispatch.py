# Dispatch tables: dicts of functions (prebuilt and built at run time), called
# through d[name](...), compared by identity.


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


OPS = {'+': add, '-': sub}


def evaluate(tokens, ops):
    stack = []
    for t in tokens:
        if t in ops:
            b = stack.pop()
            a = stack.pop()
            stack.append(ops[t](a, b))
        else:
            stack.append(int(t))
    return stack[0]


def main(argv):
    ops = dict(OPS)
    ops['*'] = mul
    print(evaluate(['3', '4', '+', '5', '*'], ops), evaluate(['10', '2', '-'], OPS))
    print(sorted(ops), '*' in OPS, len(OPS))
    print(OPS == {'+': add, '-': sub}, ops == OPS, OPS == {'+': sub, '-': sub})
    table = {}
    for name in ['+', '-', '*']:
        table[name] = ops[name](7, 3)
    print(table)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
