# A 64-bit linear congruential generator (wrapping multiply and add) drives a simulation.
from rpy.rarithmetic import intmask


def next_state(state):
    return intmask(state * 6364136223846793005 + 1442695040888963407)


def bounded(state, n):
    # the top bits are the best ones; >> of a negative state keeps the sign, so fold it
    v = (state >> 33) % n
    return v


def main(argv):
    state = 42
    for i in range(6):
        state = next_state(state)
        print("state", state)
    counts = []
    for i in range(6):
        counts.append(0)
    for i in range(6000):
        state = next_state(state)
        k = bounded(state, 6)
        counts[k] = counts[k] + 1
    print("die counts", counts)
    total = 0
    for c in counts:
        total += c
    print("total", total)
    walk = 0
    lo = 0
    hi = 0
    for i in range(1000):
        state = next_state(state)
        if state & 1024:
            walk += 1
        else:
            walk -= 1
        lo = min(lo, walk)
        hi = max(hi, walk)
    print("walk", walk, lo, hi)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
