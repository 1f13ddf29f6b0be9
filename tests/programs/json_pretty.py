"""A JSON parser and pretty-printer in the RPython style.

A tokenizer turns the text into tokens, a recursive-descent parser builds a tree of
JSON values (W_Null, W_Bool, W_Int, W_Float, W_String, W_List, W_Dict), and the
pretty-printer writes it back with indentation and string escaping (as Python's
json.dumps(value, indent=2) does). The program parses a document embedded here plus
one built at import time, prints it, parses its own output again, checks that both
trees are equal, prints some statistics and then the errors of some malformed texts.
"""

from rpy.rstring import StringBuilder

# ____________________________________________________________
# Values


class W_Value(object):
    def tag(self):
        raise NotImplementedError

    def is_equal(self, other):
        raise NotImplementedError

    def dump(self, builder, indent, level):
        raise NotImplementedError

    def is_container(self):
        return False


class W_Null(W_Value):
    def tag(self):
        return "null"

    def is_equal(self, other):
        return isinstance(other, W_Null)

    def dump(self, builder, indent, level):
        builder.append("null")


class W_Bool(W_Value):
    _immutable_fields_ = ["boolval"]

    def __init__(self, boolval):
        self.boolval = boolval

    def tag(self):
        return "bool"

    def is_equal(self, other):
        return isinstance(other, W_Bool) and other.boolval == self.boolval

    def dump(self, builder, indent, level):
        if self.boolval:
            builder.append("true")
        else:
            builder.append("false")


class W_Int(W_Value):
    _immutable_fields_ = ["intval"]

    def __init__(self, intval):
        self.intval = intval

    def tag(self):
        return "int"

    def is_equal(self, other):
        return isinstance(other, W_Int) and other.intval == self.intval

    def dump(self, builder, indent, level):
        builder.append(str(self.intval))


class W_Float(W_Value):
    _immutable_fields_ = ["floatval"]

    def __init__(self, floatval):
        self.floatval = floatval

    def tag(self):
        return "float"

    def is_equal(self, other):
        return isinstance(other, W_Float) and other.floatval == self.floatval

    def dump(self, builder, indent, level):
        builder.append(repr(self.floatval))


class W_String(W_Value):
    _immutable_fields_ = ["strval"]

    def __init__(self, strval):
        self.strval = strval

    def tag(self):
        return "string"

    def is_equal(self, other):
        return isinstance(other, W_String) and other.strval == self.strval

    def dump(self, builder, indent, level):
        dump_string(builder, self.strval)


class W_List(W_Value):
    def __init__(self, items):
        self.items = items

    def tag(self):
        return "list"

    def is_container(self):
        return True

    def is_equal(self, other):
        if not isinstance(other, W_List):
            return False
        if len(self.items) != len(other.items):
            return False
        for i in range(len(self.items)):
            if not self.items[i].is_equal(other.items[i]):
                return False
        return True

    def dump(self, builder, indent, level):
        if not self.items:
            builder.append("[]")
            return
        builder.append("[")
        first = True
        for item in self.items:
            if not first:
                builder.append(",")
            first = False
            newline(builder, indent, level + 1)
            item.dump(builder, indent, level + 1)
        newline(builder, indent, level)
        builder.append("]")


class W_Dict(W_Value):
    def __init__(self):
        self.entries = {}

    def tag(self):
        return "dict"

    def is_container(self):
        return True

    def setitem(self, key, w_value):
        self.entries[key] = w_value

    def getitem(self, key):
        return self.entries.get(key, None)

    def is_equal(self, other):
        if not isinstance(other, W_Dict):
            return False
        if len(self.entries) != len(other.entries):
            return False
        for key, w_value in self.entries.items():
            w_other = other.getitem(key)
            if w_other is None or not w_value.is_equal(w_other):
                return False
        return True

    def dump(self, builder, indent, level):
        if not self.entries:
            builder.append("{}")
            return
        builder.append("{")
        first = True
        for key in self.entries:
            if not first:
                builder.append(",")
            first = False
            newline(builder, indent, level + 1)
            dump_string(builder, key)
            builder.append(": ")
            self.entries[key].dump(builder, indent, level + 1)
        newline(builder, indent, level)
        builder.append("}")


w_null = W_Null()
w_true = W_Bool(True)
w_false = W_Bool(False)

# ____________________________________________________________
# Printing

HEX_DIGITS = "0123456789abcdef"


def newline(builder, indent, level):
    builder.append("\n")
    builder.append_multiple_char(" ", indent * level)


def hex4(code):
    return (HEX_DIGITS[(code >> 12) & 15] + HEX_DIGITS[(code >> 8) & 15] +
            HEX_DIGITS[(code >> 4) & 15] + HEX_DIGITS[code & 15])


def dump_string(builder, s):
    builder.append('"')
    for c in s:
        code = ord(c)
        if c == '"':
            builder.append('\\"')
        elif c == "\\":
            builder.append("\\\\")
        elif c == "\n":
            builder.append("\\n")
        elif c == "\r":
            builder.append("\\r")
        elif c == "\t":
            builder.append("\\t")
        elif c == "\b":
            builder.append("\\b")
        elif c == "\f":
            builder.append("\\f")
        elif code < 0x20 or (0x7f <= code < 0x10000):
            builder.append("\\u" + hex4(code))
        elif code >= 0x10000:
            code -= 0x10000
            builder.append("\\u" + hex4(0xd800 | (code >> 10)))
            builder.append("\\u" + hex4(0xdc00 | (code & 0x3ff)))
        else:
            builder.append(c)
    builder.append('"')


def pretty(w_value, indent=2):
    builder = StringBuilder()
    w_value.dump(builder, indent, 0)
    return builder.build()


# ____________________________________________________________
# Tokenizer

T_LBRACE = 0
T_RBRACE = 1
T_LBRACKET = 2
T_RBRACKET = 3
T_COLON = 4
T_COMMA = 5
T_STRING = 6
T_INT = 7
T_FLOAT = 8
T_TRUE = 9
T_FALSE = 10
T_NULL = 11
T_EOF = 12

TOKEN_NAMES = ["'{'", "'}'", "'['", "']'", "':'", "','", "string", "number",
               "number", "true", "false", "null", "end of input"]

PUNCTUATION = {"{": T_LBRACE, "}": T_RBRACE, "[": T_LBRACKET, "]": T_RBRACKET,
               ":": T_COLON, ",": T_COMMA}

KEYWORDS = {"true": T_TRUE, "false": T_FALSE, "null": T_NULL}


class ParseError(Exception):
    def __init__(self, message, pos):
        self.message = message
        self.pos = pos


class Token(object):
    _immutable_fields_ = ["kind", "text", "pos"]

    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos


class Tokenizer(object):
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip_whitespace(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def next_token(self):
        self.skip_whitespace()
        start = self.pos
        if start >= len(self.text):
            return Token(T_EOF, "", start)
        c = self.text[start]
        if c in PUNCTUATION:
            self.pos += 1
            return Token(PUNCTUATION[c], c, start)
        if c == '"':
            return Token(T_STRING, self.read_string(), start)
        if c == "-" or c.isdigit():
            return self.read_number()
        if c.isalpha():
            end = start
            while end < len(self.text) and self.text[end].isalpha():
                end += 1
            word = self.text[start:end]
            if word in KEYWORDS:
                self.pos = end
                return Token(KEYWORDS[word], word, start)
            raise ParseError("unknown word %s" % word, start)
        raise ParseError("unexpected character %s" % repr(c), start)

    def read_digits(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos].isdigit():
            self.pos += 1
        if self.pos == start:
            raise ParseError("expected a digit", self.pos)

    def read_number(self):
        start = self.pos
        is_float = False
        if self.text[self.pos] == "-":
            self.pos += 1
        if self.pos < len(self.text) and self.text[self.pos] == "0":
            self.pos += 1
        else:
            self.read_digits()
        if self.pos < len(self.text) and self.text[self.pos] == ".":
            is_float = True
            self.pos += 1
            self.read_digits()
        if self.pos < len(self.text) and self.text[self.pos] in "eE":
            is_float = True
            self.pos += 1
            if self.pos < len(self.text) and self.text[self.pos] in "+-":
                self.pos += 1
            self.read_digits()
        text = self.text[start:self.pos]
        if is_float:
            return Token(T_FLOAT, text, start)
        return Token(T_INT, text, start)

    def read_hex4(self):
        if self.pos + 4 > len(self.text):
            raise ParseError("truncated \\u escape", self.pos)
        code = 0
        for i in range(4):
            digit = HEX_DIGITS.find(self.text[self.pos + i].lower())
            if digit < 0:
                raise ParseError("bad \\u escape", self.pos)
            code = code * 16 + digit
        self.pos += 4
        return code

    def read_string(self):
        self.pos += 1  # the opening quote
        builder = StringBuilder()
        while True:
            if self.pos >= len(self.text):
                raise ParseError("unterminated string", self.pos)
            c = self.text[self.pos]
            self.pos += 1
            if c == '"':
                break
            if c != "\\":
                if ord(c) < 0x20:
                    raise ParseError("control character in string", self.pos - 1)
                builder.append(c)
                continue
            if self.pos >= len(self.text):
                raise ParseError("unterminated string", self.pos)
            esc = self.text[self.pos]
            self.pos += 1
            if esc == "n":
                builder.append("\n")
            elif esc == "t":
                builder.append("\t")
            elif esc == "r":
                builder.append("\r")
            elif esc == "b":
                builder.append("\b")
            elif esc == "f":
                builder.append("\f")
            elif esc == '"' or esc == "\\" or esc == "/":
                builder.append(esc)
            elif esc == "u":
                code = self.read_hex4()
                if (0xd800 <= code < 0xdc00 and self.text.startswith("\\u", self.pos)):
                    self.pos += 2
                    low = self.read_hex4()
                    if 0xdc00 <= low < 0xe000:
                        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
                    else:
                        raise ParseError("bad surrogate pair", self.pos - 6)
                builder.append(chr(code))
            else:
                raise ParseError("bad escape \\%s" % esc, self.pos - 2)
        return builder.build()


# ____________________________________________________________
# Parser


class Parser(object):
    def __init__(self, text):
        self.tokenizer = Tokenizer(text)
        self.token = self.tokenizer.next_token()
        self.depth = 0

    def advance(self):
        token = self.token
        self.token = self.tokenizer.next_token()
        return token

    def expect(self, kind):
        if self.token.kind != kind:
            raise ParseError("expected %s, got %s" % (TOKEN_NAMES[kind],
                                                     TOKEN_NAMES[self.token.kind]),
                             self.token.pos)
        return self.advance()

    def parse_document(self):
        w_value = self.parse_value()
        self.expect(T_EOF)
        return w_value

    def parse_value(self):
        kind = self.token.kind
        if kind == T_LBRACE:
            return self.parse_object()
        elif kind == T_LBRACKET:
            return self.parse_array()
        elif kind == T_STRING:
            return W_String(self.advance().text)
        elif kind == T_INT:
            return W_Int(int(self.advance().text))
        elif kind == T_FLOAT:
            return W_Float(float(self.advance().text))
        elif kind == T_TRUE:
            self.advance()
            return w_true
        elif kind == T_FALSE:
            self.advance()
            return w_false
        elif kind == T_NULL:
            self.advance()
            return w_null
        raise ParseError("unexpected %s" % TOKEN_NAMES[kind], self.token.pos)

    def enter(self):
        self.depth += 1
        if self.depth > 100:
            raise ParseError("nested too deeply", self.token.pos)

    def parse_object(self):
        self.enter()
        self.expect(T_LBRACE)
        w_dict = W_Dict()
        if self.token.kind == T_RBRACE:
            self.advance()
            self.depth -= 1
            return w_dict
        while True:
            key = self.expect(T_STRING).text
            self.expect(T_COLON)
            w_dict.setitem(key, self.parse_value())
            if self.token.kind == T_COMMA:
                self.advance()
            else:
                break
        self.expect(T_RBRACE)
        self.depth -= 1
        return w_dict

    def parse_array(self):
        self.enter()
        self.expect(T_LBRACKET)
        items = []
        if self.token.kind == T_RBRACKET:
            self.advance()
            self.depth -= 1
            return W_List(items)
        while True:
            items.append(self.parse_value())
            if self.token.kind == T_COMMA:
                self.advance()
            else:
                break
        self.expect(T_RBRACKET)
        self.depth -= 1
        return W_List(items)


def parse(text):
    return Parser(text).parse_document()


# ____________________________________________________________
# Statistics


class Stats(object):
    def __init__(self):
        self.counts = {}
        self.max_depth = 0
        self.string_chars = 0
        self.int_sum = 0
        self.float_sum = 0.0
        self.longest_key = ""

    def visit(self, w_value, depth):
        tag = w_value.tag()
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if depth > self.max_depth:
            self.max_depth = depth
        if isinstance(w_value, W_String):
            self.string_chars += len(w_value.strval)
        elif isinstance(w_value, W_Int):
            self.int_sum += w_value.intval
        elif isinstance(w_value, W_Float):
            self.float_sum += w_value.floatval
        elif isinstance(w_value, W_List):
            for w_item in w_value.items:
                self.visit(w_item, depth + 1)
        elif isinstance(w_value, W_Dict):
            for key in w_value.entries:
                if len(key) > len(self.longest_key):
                    self.longest_key = key
                self.visit(w_value.entries[key], depth + 1)


# ____________________________________________________________
# The documents

DOCUMENT = r"""
{
  "name": "rpy",
  "version": [0, 4, 1],
  "description": "translates \"restricted\" Python\nto native code",
  "path": "C:\\tools\\rpy",
  "ratio": 0.75, "scale": -1.5e3, "tiny": 2.5E-7, "zero": 0, "negative": -42,
  "flags": {"jit": true, "gc": false, "threads": null},
  "empty list": [], "empty dict": {},
  "unicode": "caf\u00e9 \u20ac \ud83d\ude00 \u0001",
  "slash": "a\/b",
  "matrix": [[1, 2, 3], [4, 5, 6], [7, 8, [9, [10]]]],
  "people": [
    {"name": "Ada", "born": 1815, "languages": ["analytical engine"]},
    {"name": "Grace", "born": 1906, "languages": ["COBOL", "FLOW-MATIC"]}
  ]
}
"""


def build_generated():
    # built at import time: a list of records and a deep nest of lists
    parts = []
    for i in range(12):
        parts.append('{"id": %d, "square": %d, "half": %s, "even": %s, "label": "item-%d"}'
                     % (i, i * i, repr(i / 2.0), "true" if i % 2 == 0 else "false", i))
    nest = "[" * 20 + '"deep"' + "]" * 20
    return '{"records": [' + ", ".join(parts) + '], "nest": ' + nest + '}'


GENERATED = build_generated()

BAD_DOCUMENTS = [
    "",
    "[1, 2",
    '{"a" 1}',
    "[1, 2,]",
    '{"a": tru}',
    '"unterminated',
    '"bad \\q escape"',
    "[1] 2",
    "-",
    "01",
    "@",
    '"\\ud800\\u0041"',
    "[" * 150 + "]" * 150,
]


def report(title, text):
    print("== " + title)
    w_doc = parse(text)
    out = pretty(w_doc)
    print(out)
    w_again = parse(out)
    print("round trip equal: %s" % w_doc.is_equal(w_again))
    print("second print identical: %s" % (pretty(w_again) == out))
    flat = pretty(w_again, 0)
    print("indent 0: %d chars, indent 2: %d chars" % (len(flat), len(out)))
    stats = Stats()
    stats.visit(w_doc, 0)
    for tag in ["null", "bool", "int", "float", "string", "list", "dict"]:
        print("  %-6s %d" % (tag, stats.counts.get(tag, 0)))
    print("  max depth %d, string chars %d, int sum %d, float sum %s" %
          (stats.max_depth, stats.string_chars, stats.int_sum, repr(stats.float_sum)))
    print("  longest key %s" % repr(stats.longest_key))
    return w_doc


def main(argv):
    w_doc = report("embedded", DOCUMENT)
    w_gen = report("generated", GENERATED)
    print("embedded equals generated: %s" % w_doc.is_equal(w_gen))
    assert isinstance(w_doc, W_Dict)
    w_people = w_doc.getitem("people")
    if isinstance(w_people, W_List):
        for w_person in w_people.items:
            assert isinstance(w_person, W_Dict)
            w_name = w_person.getitem("name")
            assert isinstance(w_name, W_String)
            print("person: " + w_name.strval)
    print("== errors")
    for text in BAD_DOCUMENTS:
        try:
            parse(text)
            print("%s: parsed?" % repr(text[:20]))
        except ParseError as e:
            print("%s: %s at %d" % (repr(text[:20]), e.message, e.pos))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
