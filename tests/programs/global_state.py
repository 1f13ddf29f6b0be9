counter = 0
total = 0.0
last_name = "none"
flag = False
history = []
best = None

class Stats(object):
    def __init__(self):
        self.n = 0

STATS = Stats()

def bump(by):
    global counter, total, last_name, flag, best
    counter += by
    total = total + by * 0.5
    last_name = "bump" + str(by)
    flag = not flag
    if best is None or by > best:
        best = by
    history.append(counter)
    STATS.n += 1

def reset():
    global counter
    counter = 0

def main(argv):
    for i in range(1, 5):
        bump(i)
    print(counter, total, last_name, flag, history, STATS.n, best)
    reset()
    bump(10)
    print(counter, history)
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
