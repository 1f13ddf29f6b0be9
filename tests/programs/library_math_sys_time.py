import math
import sys
import time

def main(argv):
    t0 = time.time()
    print(math.sqrt(2.0), math.floor(-2.5), math.ceil(2.1), math.pi, math.e)
    print(math.sin(0.5), math.cos(0.5), math.atan2(1.0, 2.0), math.log(100.0, 10.0), math.log(8.0))
    print(math.pow(2.0, 10.0), math.fabs(-3.0), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
    print(math.exp(1.0), math.hypot(3.0, 4.0), math.trunc(-3.7), sys.maxsize)
    try:
        math.sqrt(-1.0)
    except ValueError as e:
        print("ValueError", e)
    try:
        math.exp(1000.0)
    except OverflowError as e:
        print("OverflowError", e)
    sys.stdout.write("written\n")
    print("to stderr", file=sys.stderr)
    print(time.time() - t0 < 10.0)
    if len(argv) > 1:
        sys.exit(4)
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))
