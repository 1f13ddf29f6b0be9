# Dicts and sets in module globals reassigned at run time and in class attributes.

CACHE = {}
SEEN = set()


class Lexer(object):
    KEYWORDS = {'if': 1, 'else': 2}
    PUNCT = {'(', ')'}

    def kind(self, w):
        if w in self.PUNCT:
            return -1
        return self.KEYWORDS.get(w, 0)


def reset():
    global CACHE
    CACHE = {'fresh': 1}


def main(argv):
    CACHE['a'] = 1
    print(CACHE)
    reset()
    CACHE['b'] = 2
    print(CACHE, len(SEEN))
    lx = Lexer()
    print(lx.kind('if'), lx.kind('x'), lx.kind('('), Lexer.KEYWORDS)
    Lexer.KEYWORDS['while'] = 3
    print(lx.kind('while'))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
