# An interpreter forwarding `--jit ...` options to the JIT: set_user_param and
# set_param, their errors (as CPython raises them), and the JIT turned off and on.
from rpy.jit import JitDriver, set_param, set_user_param

driver = JitDriver(greens=["k"], reds=["i", "n", "acc"])


def loop(n, k):
    i = 0
    acc = 0
    while i < n:
        driver.jit_merge_point(k=k, i=i, n=n, acc=acc)
        acc += (i * k) % 7
        i += 1
    return acc


def configure(text):
    try:
        set_user_param(driver, text)
        return "ok"
    except ValueError as e:
        return "ValueError: " + str(e)


def main(argv):
    for text in ["threshold=5,trace_eagerness=3", "off", "default", "trace_limit=abc",
                 "nonsense", "frobnicate=3", "threshold=2", "enable_opts=intbounds:rewrite"]:
        print(text, "->", configure(text))
        print(loop(300, 3))
    set_param(driver, "threshold", 7)
    print(loop(500, 5))
    try:
        set_param(driver, "no_such_param", 1)
    except ValueError as e:
        print("ValueError:", e)
    set_user_param(driver, "off")
    print(loop(1000, 2))
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv))
