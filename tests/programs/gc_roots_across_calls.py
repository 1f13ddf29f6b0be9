# GC: references held in locals across calls that allocate (the GC's roots, which a
# moving collector must update), in deep recursion, in loops, and while exceptions
# unwind through frames that hold references (a shadow stack must be popped right).


class Obj(object):
    def __init__(self, n, name):
        self.n = n
        self.name = name
        self.kids = []


class Unwind(Exception):
    def __init__(self, obj):
        self.obj = obj


def garbage(n):
    t = 0
    for i in range(n):
        o = Obj(i, "g")
        o.kids.append(o)
        t += len(o.kids)
    return t


def deep(depth, parent):
    # each frame keeps an instance, a list, a str, a tuple and a dict alive across
    # the recursive call and the allocation after it
    me = Obj(depth, "d" + str(depth))
    lst = [me, parent]
    s = me.name + "/" + parent.name
    pair = (me, s)
    d = {depth: me}
    if depth == 0:
        garbage(2000)
        return len(s)
    below = deep(depth - 1, me)
    garbage(20)
    parent.kids.append(me)
    a, b = pair
    return (below + lst[0].n + lst[1].n + len(b) + d[depth].n + a.n) & 0xffffffff


def thrower(depth, holder):
    local = Obj(depth, "t" + str(depth))
    holder.kids.append(local)
    if depth == 0:
        garbage(300)
        raise Unwind(Obj(-1, "thrown"))
    try:
        return thrower(depth - 1, local)
    finally:
        garbage(5)
        local.name = local.name + "!"      # the local is still valid after unwinding


def count(o):
    # iterative walk of the kids tree
    stack = [o]
    n = 0
    letters = 0
    while len(stack) > 0:
        x = stack.pop()
        n += 1
        letters += len(x.name)
        for k in x.kids:
            stack.append(k)
    return n, letters


def main(argv):
    root = Obj(0, "root")
    acc = 0
    for rnd in range(30):
        acc = (acc * 7 + deep(200, root)) & 0xffffffff
    print("deep:", acc, len(root.kids), count(root))
    caught = 0
    names = 0
    for rnd in range(200):
        holder = Obj(rnd, "h")
        try:
            thrower(40, holder)
        except Unwind as e:
            caught += 1
            names += len(e.obj.name) + count(holder)[1]
    print("unwound:", caught, names)
    # locals of every kind live across an allocating call in a loop
    keep_o = Obj(1, "keep")
    keep_l = [keep_o]
    keep_s = "s" * 50
    keep_t = (keep_o, keep_s)
    for i in range(3000):
        garbage(10)
        keep_l.append(Obj(i, keep_s[:i % 50]))
    a, b = keep_t
    print("kept:", len(keep_l), count(keep_o), a.n, len(b), keep_l[2999].name)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(main(sys.argv))
