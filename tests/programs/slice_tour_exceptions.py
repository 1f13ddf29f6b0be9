from rpy.rarithmetic import intmask, ovfcheck

LIMIT = 10
NAMES = ["ann", "bob", "cy"]
DEBUG = False

def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1

def find(lst, x):
    i = 0
    for y in lst:
        if y == x:
            return i
        i += 1
    raise ValueError("missing")

def fact_ovf(n):
    r = 1
    try:
        for i in range(1, n + 1):
            r = ovfcheck(r * i)
    except OverflowError:
        return -1
    return r

def walk(n):
    if n == 0:
        return [0]
    lst = walk(n - 1)
    lst.append(n)
    return lst

def main(argv):
    if DEBUG:
        print("debug", 1 + "x")
    print(safe_div(7, 2), safe_div(7, 0))
    try:
        print(find(NAMES, "bob"), find(NAMES, "zed"))
    except ValueError:
        print("not found")
    print(fact_ovf(20), fact_ovf(21))
    h = 0
    for c in "hello world":
        h = intmask(h * 1000003 + len(c))
    print(h)
    lst = walk(LIMIT)
    print(lst, len(lst), lst[3:4] if False else 0)
    total = 0
    for i in range(len(lst)):
        if i % 3 == 0:
            continue
        if i > 8:
            break
        total += lst[i]
    else:
        total = -100
    print(total)
    try:
        print(lst[100])
    except IndexError:
        print("index error")
    finally:
        print("finally")
    k = 0
    while True:
        k += 1
        if k > 5:
            break
    print(k, "bob" in NAMES, "x" in "xyz", 3 in lst, 3.0 in [1.0, 3.0])
    return len(argv)

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
