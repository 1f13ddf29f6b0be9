# f-string format specs on ints and bools: width, fill, alignment, sign, zero padding,
# grouping, and the d x X o b c n types with alternate forms.


def main(argv):
    values = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 9223372036854775807,
              -9223372036854775807 - 1]
    for v in values:
        print(f"[{v:d}] [{v:8}] [{v:<8}] [{v:^8}] [{v:>8}] [{v:=8}] [{v:*^9}] [{v:08}]")
        print(f"[{v:+}] [{v: }] [{v:-}] [{v:+08}] [{v:,}] [{v:_}] [{v:012,}] [{v:0=12_}]")
        print(f"[{v:x}] [{v:X}] [{v:o}] [{v:b}] [{v:#x}] [{v:#X}] [{v:#o}] [{v:#b}]")
        print(f"[{v:_x}] [{v:#_b}] [{v:#012x}] [{v:>#10o}] [{v:n}] [{v:e}] [{v:.2f}] [{v:%}]")
    for c in [65, 97, 233, 8364]:
        print(f"[{c:c}] [{c:>4c}] [{c:*<3c}]")
    t = True
    print(f"{t} [{t:d}] [{t:>5}] [{t:x}] [{False:03}]")
    print(f"[{7:\u2022^9}] [{-7:\u00e9>5}]")
    print(f"[{1234:0100,}]")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
