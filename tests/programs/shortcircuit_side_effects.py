# and/or/not short-circuit: side effects of the right operand happen only when it is evaluated.


def make_log():
    return []


def check(log, v, result):
    log.append(v)
    return result


def main(argv):
    log = make_log()
    i = 0
    while check(log, i, i < 3) and (check(log, 100 + i, i != 1) or check(log, 200 + i, True)):
        i += 1
    print(i, log)
    log2 = make_log()
    n = 0
    for k in range(6):
        if check(log2, k, k % 2 == 0) or check(log2, -k, k > 3) and not check(log2, 50 + k, False):
            n += 1
    print(n, log2)
    x = 0
    r = x != 0 and 10 // x > 1
    print(r)
    s = "" or "fallback"
    print(s, 0.0 or 0.5, 0 or 1 if x else 2)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
