# f-string format specs on floats: f e g % types, precision, grouping, sign, z, and the
# default (repr-like) presentation, on edge values.


def main(argv):
    inf = float("inf")
    values = [0.0, -0.0, 1.0, -2.5, 0.1, 1.0 / 3.0, 123456.789, 1e16, 1.5e-7, 1e100,
              -1e-100, 5e-324, 0.5, 2.675, 99.995, 1234.5, inf, -inf, float("nan"), 12.0, 123.0]
    for v in values:
        print(f"[{v}] [{v:.2f}] [{v:10.3f}] [{v:<10.1f}] [{v:^12.2e}] [{v:+.3e}] [{v:E}]")
        print(f"[{v:g}] [{v:.3g}] [{v:#.3g}] [{v:G}] [{v:.3}] [{v:12}] [{v:.0}] [{v:.1%}]")
        print(f"[{v:,.2f}] [{v:_.1f}] [{v:015,.3f}] [{v:z.1f}] [{v: .2f}] [{v:=+12.2f}]")
        print(f"[{v:n}] [{v:%}] [{v:.0f}] [{v:#.0f}] [{v:#.0e}] [{v:.10g}] [{v:.17}]")
    print(f"[{1e16:.16}] [{1e15:.16}] [{0.0001:.3}] [{0.00001:.3}] [{1234567.0:.3}]")
    x = 2.0 / 3.0
    print(f"{x:.50f}")
    print(f"{-0.0001:z.2f} {-0.0:z} {0.001:z.1e}")
    return 0


if __name__ == "__main__":
    import sys
    sys.exit(main(sys.argv))
