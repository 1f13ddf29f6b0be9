# A tiny register-machine interpreter: variables in a dict, labels in a dict,
# dispatch on the opcode with a dict of opcode numbers.

OPCODES = {'set': 0, 'add': 1, 'mul': 2, 'dec': 3, 'jnz': 4, 'print': 5}

PROGRAM = [
    ['set', 'n', '10'],
    ['set', 'acc', '1'],
    ['label', 'loop'],
    ['mul', 'acc', 'n'],
    ['dec', 'n'],
    ['jnz', 'n', 'loop'],
    ['print', 'acc'],
    ['set', 'i', '5'],
    ['set', 's', '0'],
    ['label', 'sum'],
    ['add', 's', 'i'],
    ['dec', 'i'],
    ['jnz', 'i', 'sum'],
    ['print', 's'],
]


def run(program):
    labels = {}
    code = []
    for ins in program:
        if ins[0] == 'label':
            labels[ins[1]] = len(code)
        else:
            code.append(ins)
    env = {}
    pc = 0
    steps = 0
    while pc < len(code):
        ins = code[pc]
        op = OPCODES[ins[0]]
        pc += 1
        steps += 1
        if op == 0:
            env[ins[1]] = int(ins[2])
        elif op == 1:
            env[ins[1]] = env[ins[1]] + env[ins[2]]
        elif op == 2:
            env[ins[1]] = env[ins[1]] * env[ins[2]]
        elif op == 3:
            env[ins[1]] -= 1
        elif op == 4:
            if env[ins[1]] != 0:
                pc = labels[ins[2]]
        else:
            print(ins[1], '=', env[ins[1]])
    return env, steps


def main(argv):
    env, steps = run(PROGRAM)
    print(env, steps)
    try:
        run([['print', 'undefined']])
    except KeyError as e:
        print('undefined variable', e)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
