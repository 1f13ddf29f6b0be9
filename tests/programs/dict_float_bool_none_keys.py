# Keys of other hashable types: floats (0.0 and -0.0 are one key), bools, None among
# strs, and values that may be None.


def main(argv):
    f = {}
    f[0.5] = 'half'
    f[-0.0] = 'zero'
    f[0.0] = 'zero again'
    f[1e100] = 'big'
    print(f, len(f), f[0.5])
    b = {True: 'yes', False: 'no'}
    print(b[True], b[1 == 2], b)
    opt = {}
    name = None
    opt[name] = 'nobody'
    opt['x'] = 'ex'
    print(opt[None], opt['x'], None in opt, opt)
    vals = {'a': 1, 'b': None}
    print(vals['b'] is None, vals.get('a'), vals.get('c'), vals)
    ints = {1: 10}
    got = ints.get(2)
    print(got is None, ints.get(1))
    strs = {'k': 'v'}
    s = strs.get('missing')
    if s is None:
        print('no value')
    print(strs.get('k'), strs.get('zz', 'default'))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
