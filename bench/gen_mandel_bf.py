"""Generates examples/bf/bench/mandel.b: an ASCII Mandelbrot set in Brainfuck.

    python3 bench/gen_mandel_bf.py > examples/bf/bench/mandel.b
    python3 bench/gen_mandel_bf.py --quick > examples/bf/bench/mandel-quick.b
    python3 bench/gen_mandel_bf.py [--quick] --model   # what it prints, computed in Python

Written for this project (no third-party Brainfuck source). Numbers are fixed-point
with 4 fractional bits (S = 16) in sign-magnitude form on 8-bit cells: a product is
floor(|a|*|b| / S), counted one unit at a time, which is what makes the program slow
(a few billion Brainfuck operations for the default size). A sum is formed with a bias
of 128 and turned back into sign and magnitude. z escapes when |x| or |y| exceeds 2
or x*x + y*y exceeds 4. Each character of the picture shows how many iterations its
point survived. `--model` computes the same integer arithmetic in Python, to check the
Brainfuck against.
"""

import sys

S = 16  # fixed-point scale
BIAS = 128
ROWS = 21  # cy from -1.25 to 1.25 in steps of ROW_STEP/S
ROW_STEP = 2
COLS = 40  # cx from -2 to 0.4375 in steps of COL_STEP/S
COL_STEP = 1
CY0 = -20
CX0 = -32
MAXIT = 40
QUICK = (3, 8, 8, 5, 5)
PALETTE = [(0, " "), (2, "."), (4, ":"), (8, "*"), (16, "o")]  # (iterations >=, char)
INSIDE = "#"


class Gen(object):
    def __init__(self):
        self.code = []
        self.ptr = 0
        self.used = set()
        self.padded = set()
        self.testing = set()  # padded cells inside their own if_else

    # -- cells: every scratch cell is zero when allocated and when freed
    def cell(self, padded=False):
        """A free cell; padded: its two right neighbours stay reserved (zero) for
        if_else's constant-time test."""
        need = 3 if padded else 1
        c = 0
        while any(c + i in self.used for i in range(need)):
            c += 1
        for i in range(need):
            self.used.add(c + i)
        if padded:
            self.padded.add(c)
        return c

    def free(self, *cells):
        for c in cells:
            for i in range(3 if c in self.padded else 1):
                self.used.discard(c + i)
            self.padded.discard(c)

    def go(self, c):
        d = c - self.ptr
        self.code.append(">" * d if d > 0 else "<" * -d)
        self.ptr = c

    def add(self, c, k):
        k %= 256
        self.go(c)
        self.code.append("+" * k if k <= 128 else "-" * (256 - k))

    def clear(self, c):
        self.go(c)
        self.code.append("[-]")

    def set(self, c, k):
        self.clear(c)
        self.add(c, k)

    def loop(self, c, body):
        self.go(c)
        self.code.append("[")
        body()
        self.go(c)
        self.code.append("]")

    # -- data movement
    def copy_add(self, src, dst, sign=1):
        t = self.cell()

        def step():
            self.add(src, -1)
            self.add(dst, sign)
            self.add(t, 1)

        self.loop(src, step)

        def back():
            self.add(t, -1)
            self.add(src, 1)

        self.loop(t, back)
        self.free(t)

    def copy(self, src, dst):
        self.clear(dst)
        self.copy_add(src, dst)

    # -- control flow (the tested cell is preserved)
    def if_nz(self, c, body):
        self.if_else(c, body, lambda: None)

    def if_else(self, c, then, otherwise):
        """then() if c != 0 else otherwise(). A padded c costs a constant number of
        steps: c, t0 = 1, t1 = 0 and `c[then >-]>[otherwise ->]<<`, where the pointer
        ends on t1 either way; else c is copied to a temporary (steps grow with c)."""
        if c not in self.padded or c in self.testing:  # (t0 of an enclosing test is 1)
            t = self.cell(padded=True)
            self.copy(c, t)
            self.if_else(t, then, otherwise)
            self.clear(t)
            self.free(t)
            return
        self.testing.add(c)
        self.add(c + 1, 1)
        self.go(c)
        self.code.append("[")
        then()
        self.go(c)
        self.code.append(">-]>[")  # c != 0: on t0 (now 0), then t1; c == 0: on t0 (1)
        self.ptr = c + 1
        otherwise()
        self.go(c + 1)
        self.code.append("->]")
        self.ptr = c + 2
        self.testing.discard(c)

    def if_z(self, c, body):
        self.if_else(c, lambda: None, body)

    def repeat(self, n, body):
        """body() n times; n is a constant or a cell (preserved)."""
        k = self.cell()
        if isinstance(n, str):
            self.copy(int(n[1:]), k)
        else:
            self.set(k, n)

        def step():
            body()
            self.add(k, -1)

        self.loop(k, step)
        self.free(k)

    # -- arithmetic
    def ge_const(self, v, limit, flag):
        """flag = 1 if v >= limit else 0."""
        t = self.cell(padded=True)
        lt = self.cell(padded=True)
        self.copy(v, t)
        self.repeat(limit, lambda: self.if_else(t, lambda: self.add(t, -1), lambda: self.set(lt, 1)))
        self.set(flag, 1)
        self.if_nz(lt, lambda: self.clear(flag))
        self.clear(t)
        self.clear(lt)
        self.free(t, lt)

    def to_sign_magnitude(self, v, s, m):
        """v holds BIAS + x: s = (x < 0), m = |x|."""
        t = self.cell(padded=True)
        cnt = self.cell()
        lt = self.cell(padded=True)
        self.copy(v, t)

        def below():
            self.set(lt, 1)
            self.add(cnt, 1)

        self.repeat(BIAS, lambda: self.if_else(t, lambda: self.add(t, -1), below))
        self.clear(s)
        self.clear(m)

        def neg():
            self.set(s, 1)
            self.copy(cnt, m)

        self.if_else(lt, neg, lambda: self.copy(t, m))
        for c in (t, cnt, lt):
            self.clear(c)
        self.free(t, cnt, lt)

    def mul(self, a, b, q):
        """q = floor(a * b / S), counting a*b units down a remainder from S."""
        r = self.cell(padded=True)
        self.clear(q)
        self.set(r, S)

        def unit():
            self.add(r, -1)

            def carry():
                self.set(r, S)
                self.add(q, 1)

            self.if_z(r, carry)

        self.repeat("@%d" % a, lambda: self.repeat("@%d" % b, unit))
        self.clear(r)
        self.free(r)


def generate():
    g = Gen()
    cyb, cxb, xs, xm, ys, ym, cnt, ch = [g.cell() for _ in range(8)]
    x2, y2, xy, tmp, vx, vy = [g.cell() for _ in range(6)]
    esc, sg, flag = [g.cell(padded=True) for _ in range(3)]
    g.set(cyb, BIAS + CY0)

    def iteration():
        def live():
            g.ge_const(xm, 2 * S + 1, flag)
            g.if_nz(flag, lambda: g.set(esc, 1))
            g.ge_const(ym, 2 * S + 1, flag)
            g.if_nz(flag, lambda: g.set(esc, 1))

            def small():
                g.mul(xm, xm, x2)
                g.mul(ym, ym, y2)
                g.copy(x2, tmp)
                g.copy_add(y2, tmp)
                g.ge_const(tmp, 4 * S + 1, flag)
                g.if_nz(flag, lambda: g.set(esc, 1))

                def step():
                    g.mul(xm, ym, xy)
                    g.copy(xs, sg)
                    g.if_nz(ys, lambda: g.if_else(sg, lambda: g.clear(sg), lambda: g.set(sg, 1)))
                    g.copy(cxb, vx)
                    g.copy_add(x2, vx)
                    g.copy_add(y2, vx, -1)
                    g.copy(cyb, vy)
                    g.copy(xy, tmp)
                    g.copy_add(xy, tmp)
                    g.if_else(sg, lambda: g.copy_add(tmp, vy, -1), lambda: g.copy_add(tmp, vy))
                    g.to_sign_magnitude(vx, xs, xm)
                    g.to_sign_magnitude(vy, ys, ym)
                    g.add(cnt, 1)

                g.if_z(esc, step)

            g.if_z(esc, small)

        g.if_z(esc, live)

    def pixel():
        for c in (xs, xm, ys, ym, esc, cnt):
            g.clear(c)
        g.repeat(MAXIT, iteration)
        for limit, char in PALETTE:
            if limit == 0:
                g.set(ch, ord(char))
            else:
                g.ge_const(cnt, limit, flag)
                g.if_nz(flag, lambda char=char: g.set(ch, ord(char)))
        g.if_z(esc, lambda: g.set(ch, ord(INSIDE)))
        g.go(ch)
        g.code.append(".")
        g.add(cxb, COL_STEP)

    def row():
        g.set(cxb, BIAS + CX0)
        g.repeat(COLS, pixel)
        g.set(ch, 10)
        g.go(ch)
        g.code.append(".")
        g.add(cyb, ROW_STEP)

    g.repeat(ROWS, row)
    return "".join(g.code)


def model():
    out = []
    for r in range(ROWS):
        cy = CY0 + ROW_STEP * r
        for c in range(COLS):
            cx = CX0 + COL_STEP * c
            x = y = 0
            esc = False
            cnt = 0
            for _ in range(MAXIT):
                if esc:
                    continue
                if abs(x) > 2 * S or abs(y) > 2 * S:
                    esc = True
                    continue
                x2 = abs(x) * abs(x) // S
                y2 = abs(y) * abs(y) // S
                if x2 + y2 > 4 * S:
                    esc = True
                    continue
                xy = abs(x) * abs(y) // S
                if (x < 0) != (y < 0):
                    xy = -xy
                x, y = cx + x2 - y2, cy + 2 * xy
                cnt += 1
            char = INSIDE
            if esc:
                for limit, p in PALETTE:
                    if cnt >= limit:
                        char = p
            out.append(char)
        out.append("\n")
    return "".join(out)


# The header is a comment: it must not hold any of the eight command characters.
HEADER = """An ASCII Mandelbrot set (%d rows of %d points; up to %d iterations each)
generated by bench/gen_mandel_bf_py for the rpy benchmarks: fixed point numbers with
four fractional bits in sign and magnitude form on byte cells; products are counted
one unit at a time so that it runs long

"""


def main(argv):
    global ROWS, ROW_STEP, COLS, COL_STEP, MAXIT, CY0
    if "--quick" in argv:  # fewer points, fewer iterations
        ROWS, ROW_STEP, COLS, COL_STEP, MAXIT = QUICK
    if "--size" in argv:  # --size ROWS,ROW_STEP,COLS,COL_STEP,MAXIT
        ROWS, ROW_STEP, COLS, COL_STEP, MAXIT = map(int, argv[argv.index("--size") + 1].split(","))
    CY0 = -(ROWS // 2) * ROW_STEP
    if "--model" in argv:
        sys.stdout.write(model())
        return 0
    header = HEADER % (ROWS, COLS, MAXIT)
    assert not any(c in header for c in "+-<>.,[]")
    sys.stdout.write(header)
    code = generate()
    for i in range(0, len(code), 80):
        sys.stdout.write(code[i : i + 80] + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
