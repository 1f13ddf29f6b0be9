# Parsing CSV-like records and printing a formatted table with totals.


DATA = """name,qty,price
widget,4,3.50
gadget,10,12.25
doohickey,1,99.99
thingamajig,250,0.05
"""


def parse(text):
    rows = []
    lines = text.strip().splitlines()
    for line in lines[1:]:
        name, qty, price = line.split(",")
        rows.append((name, int(qty), float(price)))
    return rows


def main(argv):
    rows = parse(DATA)
    header = DATA.splitlines()[0].split(",")
    print(f"{header[0].upper():<12}{header[1].upper():>6}{header[2].upper():>10}{'TOTAL':>11}")
    grand = 0.0
    for name, qty, price in rows:
        total = qty * price
        grand += total
        print(f"{name.title():<12}{qty:>6d}{price:>10.2f}{total:>11,.2f}")
    print("-" * 39)
    print("%-12s%27s" % ("Sum", "{:,.2f}".format(grand) if False else "%.2f" % grand))
    print(f"{'Average':<12}{grand / len(rows):>27.3f}")
    cheapest = rows[0]
    for r in rows:
        if r[2] < cheapest[2]:
            cheapest = r
    print("Cheapest: %s at %.2f (%s)" % (cheapest[0], cheapest[2], repr(cheapest[0])))
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
