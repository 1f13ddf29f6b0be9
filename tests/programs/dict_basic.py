# Dicts: displays, item access and assignment, len, `in`, printing, insertion order.


def main(argv):
    d = {'one': 1, 'two': 2, 'three': 3}
    print(d, len(d))
    print(d['one'], d['two'] + d['three'])
    d['four'] = 4
    d['one'] = 100
    print(d)
    print('one' in d, 'five' in d, 'five' not in d)
    del d['two']
    print(d, len(d))
    d['two'] = 22
    print(d)
    empty = {}
    print(empty, len(empty), 'x' in empty)
    if empty:
        print('empty is true')
    else:
        print('empty is false')
    if d:
        print('d is true')
    print(not d, not empty, bool(d), bool(empty))
    nums = {1: 1.5, -2: 0.25, 3: -7.0}
    print(nums, nums[-2] * 4)
    flags = {'a': True, 'b': False}
    print(flags, flags['a'] and not flags['b'])
    names = {10: 'ten', 20: "it's", 30: 'tab\there'}
    print(names)
    print(str(d), repr(names))
    counter = {}
    for i in range(10):
        k = i % 3
        if k in counter:
            counter[k] = counter[k] + i
        else:
            counter[k] = i
    print(counter)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
