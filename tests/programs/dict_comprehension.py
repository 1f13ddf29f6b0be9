# Dict and set comprehensions and set displays.


def main(argv):
    squares = {x: x * x for x in range(6)}
    print(squares)
    evens = {x: 'even' for x in range(10) if x % 2 == 0}
    print(evens)
    words = ['apple', 'fig', 'banana', 'kiwi']
    lengths = {w: len(w) for w in words}
    print(lengths)
    inverted = {v: k for k, v in lengths.items()}
    print(inverted)
    pairs = {(i, j): i * j for i in range(3) for j in range(3) if i <= j}
    print(pairs)
    s = {len(w) for w in words}
    print(sorted(s), len(s), 3 in s)
    display = {3, 1, 2, 3, 1}
    print(len(display), sorted(display))
    one = {'only'}
    print(one, len(one))
    names = {w for w in words if 'a' in w}
    print(sorted(names))
    nested = {k: {c: 1 for c in k} for k in ['ab', 'b']}
    print(nested)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
