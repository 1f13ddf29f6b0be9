def find(lst, x):
    for i in range(len(lst)):
        if lst[i] == x:
            return i
    return None

def best_of(lst):
    best = None
    for x in lst:
        if best is None or x > best:
            best = x
    return best

def main(argv):
    data = [4, 9, 2, 9]
    print(find(data, 9), find(data, 5), best_of(data), best_of([]))
    r = find(data, 2)
    if r is not None:
        print("found at", r + 1)
    f = None
    if len(argv) > 1:
        f = 2.5
    print(f, f == 2.5, f != None, f is None)
    print(best_of([]) == None, find(data, 4) == 0)
    try:
        print(find(data, 7) + 1)
    except TypeError:
        print("TypeError")
    x = None
    for k in range(3):
        x = k if x is None else x + k
    print(x)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
