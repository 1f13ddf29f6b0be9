# A polynomial rolling hash over ints that wraps at 64 bits.
from rpy.rarithmetic import intmask


def poly_hash(values):
    h = 0
    for c in values:
        h = intmask(h * 31 + c)
    return h


def fnv_like(values):
    h = -3750763034362895579
    for c in values:
        h = h ^ c
        h = intmask(h * 1099511628211)
    return h


def main(argv):
    data = []
    for i in range(40):
        data.append(i * 7 + 65)
    print(poly_hash([]), poly_hash([1]), poly_hash([1, 2, 3]))
    print(poly_hash(data))
    print(fnv_like(data))
    prefix = []
    for v in data:
        prefix.append(v)
        if len(prefix) % 8 == 0:
            print(len(prefix), poly_hash(prefix), fnv_like(prefix))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
