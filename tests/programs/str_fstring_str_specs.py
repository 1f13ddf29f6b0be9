# f-string format specs on strs: alignment, fill, precision truncation, wide fills.


def main(argv):
    for s in ["", "a", "hello", "caf\u00e9", "\u20ac\U0001f600"]:
        print(f"[{s:10}] [{s:<10}] [{s:>10}] [{s:^10}] [{s:*^9}] [{s:.2}] [{s:>8.3}]")
        print(f"[{s:s}] [{s:5s}] [{s!r:>12}] [{s!a:^16}] [{s:\u2022<7}] [{s:010}] [{s:0>6}]")
    name = "rpy"
    width = "12"
    print(f"[{name:{'>'}5}]" if False else f"[{name:>5}]")
    table = [("apples", 3, 1.25), ("kiwis", 12, 0.5), ("figs", 100, 10.0)]
    print(f"{'item':<10}|{'qty':>5}|{'price':>8}")
    for item, qty, price in table:
        print(f"{item:<10}|{qty:>5}|{price:>8.2f}")
    print(f"{width:>4}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
