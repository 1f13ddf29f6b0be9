def count(n):
    total = 0
    i = 0
    while i < n:
        i += 1
        if i == 3:
            continue
        if total > 100:
            break
        total += i
    else:
        total = -1
    return total


def forever(x):
    while True:
        x = x * 2
        if x > 1000:
            return x


def for_range(n):
    s = 0
    for i in range(n):
        if i == 7:
            break
        s += i
    else:
        s = -s
    return s


def nested(rows):
    total = 0
    for row in rows:
        for x in row:
            if x < 0:
                continue
            total += x
    return total


def while_else_only(n):
    while n:
        n -= 1
    else:
        n = 5
    return n
