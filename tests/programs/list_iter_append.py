# Appending to a list while iterating over it: the loop sees the new items.


def main(argv):
    work = [1]
    for x in work:
        if x < 50:
            work.append(x * 3)
            work.append(x * 3 + 1)
    print(work)
    print(len(work))
    queue = [0]
    i = 0
    while i < len(queue):
        v = queue[i]
        if v < 4:
            queue.append(v + 1)
            queue.append(v + 2)
        i += 1
    print(len(queue), queue[-1])
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
