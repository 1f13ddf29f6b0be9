# repr, ascii, chr, ord, hex, oct and bin on edge values, and their errors.


def main(argv):
    for s in ["", "a", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\n",
              "back\\slash", "\x00\x7f", "caf\u00e9", "\u20ac", "\U0001f600", "\u200b", "\xa0"]:
        print(repr(s), ascii(s), len(repr(s)))
    print(repr(1), repr(-0.0), repr(1e16), repr(True), repr(None), repr(["1", "a"]), repr((1.5,)))
    print(ascii([u"\u00e9", "x"]), ascii(3))
    for i in [0, 65, 127, 233, 255, 256, 8364, 65535, 65536, 128512, 1114111]:
        c = chr(i)
        print(i, repr(c), ord(c), len(c))
    for n in [0, 1, -1, 255, -255, 4096, 9223372036854775807, -9223372036854775807 - 1]:
        print(hex(n), oct(n), bin(n))
    for bad in [-1, 1114112]:
        try:
            chr(bad)
        except ValueError as e:
            print("ValueError:", e)
    for s in ["", "ab"]:
        try:
            ord(s)
        except TypeError as e:
            print("TypeError:", e)
    total = 0
    for c in "hello":
        total += ord(c)
    print(total, "".join([chr(ord(c) + 1) for c in "HAL"]))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
