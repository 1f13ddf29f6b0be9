# GC: old lists pointing to young objects (the write barrier on list items).
# A long-lived list of lists is built, garbage makes it old, then fresh instances are
# stored into it by index, by append, by insert and by extend; more garbage; checked.


class Box(object):
    def __init__(self, n):
        self.n = n
        self.name = "b" + str(n % 100)


def churn(n):
    total = 0
    for i in range(n):
        b = Box(i)
        lst = [b, b]
        total += lst[1].n & 3
    return total


def checksum(rows):
    total = 0
    count = 0
    for row in rows:
        for b in row:
            total = (total * 31 + b.n + len(b.name)) & 0xffffffff
            count += 1
    return total, count


def main(argv):
    rows = []
    for r in range(200):
        row = []
        for c in range(10):
            row.append(Box(r * 10 + c))
        rows.append(row)
    print("churn:", churn(120000))
    print("before:", checksum(rows))
    for step in range(5):
        for r in range(len(rows)):
            row = rows[r]
            row[step] = Box(1000 * step + r)          # setitem: old list -> young
            row.append(Box(-r - 1))                     # append (may reallocate)
            if r % 3 == 0:
                row.insert(0, Box(r * step))            # insert
            if r % 5 == 0:
                row.extend([Box(7), Box(8)])            # extend with a young list's items
            if r % 7 == 0 and len(row) > 12:
                row.pop(1)
        young = []
        for c in range(10):
            young.append(Box(step * 100 + c))
        rows.append(young)                              # a young row in the old list
        print("churn", step, churn(40000))
        print("after", step, checksum(rows))
    # swap rows between positions: old list slots now hold other (young or old) lists
    for r in range(0, len(rows) - 1, 2):
        rows[r], rows[r + 1] = rows[r + 1], rows[r]
    print("churn:", churn(50000))
    print("swapped:", checksum(rows))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
