# == and != between dicts: order does not matter, values compare by value.


def main(argv):
    a = {1: 'a', 2: 'b'}
    b = {2: 'b', 1: 'a'}
    print(a == b, a != b, a == {1: 'a'}, a == {1: 'a', 2: 'c'}, a == {1: 'a', 3: 'b'})
    print({} == {}, {'x': 1.0} == {'x': 1.0}, {'x': 0.0} == {'x': -0.0})
    c = a
    c[3] = 'c'
    print(a == c, a is c, len(a))
    d = dict(a)
    print(d == a, d is a)
    d[3] = 'C'
    print(d == a)
    e = {'k': [1, 2]}
    f = {'k': [1, 2]}
    print(e == f)
    f['k'].append(3)
    print(e == f)
    n = None
    if n is None:
        n = {}
    print(n == {}, n is None)
    s = {1, 2, 3}
    t = {3, 2, 1}
    print(s == t, s != t, s == {1, 2})
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
