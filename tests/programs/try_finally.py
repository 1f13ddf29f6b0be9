# finally runs on normal exit, on return, on break and continue, and on exceptions.


def with_return(n):
    try:
        if n > 0:
            return "positive"
        print("  not positive")
    finally:
        print("  finally for", n)
    return "other"


def propagate(items, i):
    try:
        return items[i]
    finally:
        print("  cleanup after index", i)


def main(argv):
    try:
        print("body")
    finally:
        print("finally 1")
    print(with_return(5))
    print(with_return(-5))
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("loop body", i)
        finally:
            print("loop finally", i)
    print(propagate([1, 2], 1))
    try:
        print(propagate([1, 2], 2))
    except IndexError:
        print("caught after finally")
    total = 0
    try:
        try:
            total = 10 // 0
        finally:
            total = total + 1
            print("inner finally, total", total)
    except ZeroDivisionError:
        print("outer handler, total", total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
