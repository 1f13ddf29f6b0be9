# Dicts and sets made at import time: read, iterated and mutated at run time.


class Color(object):
    def __init__(self, name):
        self.name = name


RED = Color('red')
GREEN = Color('green')

ROMAN = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
KEYWORDS = {'if', 'else', 'while', 'for', 'def'}
CODES = {RED: 1, GREEN: 2}
TABLE = {'a': [1, 2], 'b': []}
NESTED = {'x': {'y': 1}}
COUNTS = {}


def roman(s):
    total = 0
    prev = 0
    i = len(s) - 1
    while i >= 0:
        v = ROMAN[s[i]]
        if v < prev:
            total -= v
        else:
            total += v
            prev = v
        i -= 1
    return total


def bump(k):
    COUNTS[k] = COUNTS.get(k, 0) + 1


def main(argv):
    print(roman('MCMXCIV'), roman('XLII'))
    print(ROMAN)
    print('for' in KEYWORDS, 'print' in KEYWORDS, len(KEYWORDS))
    print(sorted(KEYWORDS))
    print(CODES[RED], CODES[GREEN], Color('red') in CODES)
    TABLE['b'].append(3)
    TABLE['c'] = [4]
    print(TABLE)
    NESTED['x']['z'] = 2
    print(NESTED)
    for w in ['a', 'b', 'a', 'c', 'a']:
        bump(w)
    print(COUNTS)
    KEYWORDS.add('print')
    print(len(KEYWORDS), 'print' in KEYWORDS)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
