# Reads of maybe-unassigned locals in many positions raise UnboundLocalError there.


def in_handler(s):
    try:
        x = int(s)
        x = 100 // (x - 7)
    except Exception:
        try:
            got = x + 0
            return got
        except UnboundLocalError:
            return -1
    return x


def aug(flag):
    if flag:
        n = 10
    try:
        n += 1
    except UnboundLocalError:
        return -2
    return n


def in_cond(flag):
    if flag:
        k = 3
    try:
        while k > 0:
            k -= 1
        done = k
        return done
    except UnboundLocalError:
        return -3


def as_arg(flag):
    if flag:
        v = 4
    try:
        a = abs(v)
        return a
    except UnboundLocalError:
        return -4


def in_finally(flag):
    if flag:
        z = 5
    r = 0
    try:
        r = 1
    finally:
        try:
            r = r + z
        except UnboundLocalError:
            r = -5
    return r


def main(argv):
    print(in_handler("7"), in_handler("x"), in_handler("8"))
    print(aug(True), aug(False))
    print(in_cond(True), in_cond(False))
    print(as_arg(True), as_arg(False))
    print(in_finally(True), in_finally(False))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
