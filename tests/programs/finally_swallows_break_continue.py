# break or continue inside finally discards the pending exception; return from nested loops runs each finally.


def swallow_break(n):
    i = 0
    for i in range(n):
        try:
            if i == 2:
                raise ValueError("lost")
        finally:
            if i == 2:
                break
    return i


def swallow_continue(n):
    hits = 0
    for i in range(n):
        try:
            if i % 2 == 0:
                raise IndexError("even")
            hits += 1
        finally:
            continue
    return hits


def override(n):
    try:
        try:
            return 1 // n
        finally:
            print("inner fin", n)
    except ZeroDivisionError:
        return -1
    finally:
        print("outer fin", n)


def loop_return():
    for i in range(5):
        try:
            for j in range(5):
                if i * j == 6:
                    return i * 10 + j
        finally:
            print("fin", i)
    return -1


def main(argv):
    print(swallow_break(5))
    print(swallow_continue(6))
    print(override(0), override(1))
    print(loop_return())
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
