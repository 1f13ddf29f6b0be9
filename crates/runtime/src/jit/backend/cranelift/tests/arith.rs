//! Every arithmetic and comparison operation against a Rust reference, on edge cases:
//! Python floor division and modulo (`MIN // -1` wraps), shift counts of 64 and more,
//! unsigned comparison, NaN, overflow checks; with variable and constant operands.

use super::{backend, compile, exit, f, i, run};
use crate::jit::backend::CraneliftBackend;

type IntOp = (&'static str, fn(i64, i64) -> i64);

const EDGES: &[i64] = &[
    0,
    1,
    -1,
    2,
    -2,
    3,
    -3,
    7,
    -7,
    63,
    64,
    65,
    100,
    1000,
    i64::MAX,
    i64::MIN,
    i64::MIN + 1,
    i64::MAX - 1,
    0x5555_5555_5555_5555,
];

fn floordiv(a: i64, b: i64) -> i64 {
    floordiv_i128(a as i128, b as i128) as i64
}

fn modulo(a: i64, b: i64) -> i64 {
    let (a, b) = (a as i128, b as i128);
    (a - floordiv_i128(a, b) * b) as i64
}

fn floordiv_i128(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn lshift(a: i64, n: i64) -> i64 {
    if (n as u64) >= 64 {
        0
    } else {
        a << n
    }
}

fn rshift(a: i64, n: i64) -> i64 {
    a >> (n as u64).min(63)
}

const BINARY: &[IntOp] = &[
    ("int_add", |a, b| a.wrapping_add(b)),
    ("int_sub", |a, b| a.wrapping_sub(b)),
    ("int_mul", |a, b| a.wrapping_mul(b)),
    ("int_and", |a, b| a & b),
    ("int_or", |a, b| a | b),
    ("int_xor", |a, b| a ^ b),
    ("int_lt", |a, b| (a < b) as i64),
    ("int_le", |a, b| (a <= b) as i64),
    ("int_eq", |a, b| (a == b) as i64),
    ("int_ne", |a, b| (a != b) as i64),
    ("int_gt", |a, b| (a > b) as i64),
    ("int_ge", |a, b| (a >= b) as i64),
    ("uint_lt", |a, b| ((a as u64) < (b as u64)) as i64),
    ("int_lshift", lshift),
    ("int_rshift", rshift),
];

const DIVISION: &[IntOp] = &[("int_floordiv", floordiv), ("int_mod", modulo)];

const UNARY: &[IntOp] = &[
    ("int_neg", |a, _| a.wrapping_neg()),
    ("int_invert", |a, _| !a),
    ("int_is_zero", |a, _| (a == 0) as i64),
];

/// A trace applying each of `ops` to (i0, `rhs`) and finishing with all results.
fn trace_of(ops: &[IntOp], rhs: &str) -> String {
    let mut s = String::from("[i0, i1]\n");
    let mut results = vec![];
    for (k, (name, _)) in ops.iter().enumerate() {
        let r = format!("i{}", k + 2);
        s += &format!("{r} = {name}(i0, {rhs})\n");
        results.push(r);
    }
    s += &format!("finish() [{}]\n", results.join(", "));
    s
}

fn check(b: &CraneliftBackend, id: u32, ops: &[IntOp], x: i64, y: i64) {
    let (e, fr) = run(b, id, &[i(x), i(y)]);
    assert_eq!(e, exit(id, 0));
    for (k, (name, reference)) in ops.iter().enumerate() {
        assert_eq!(fr[k] as i64, reference(x, y), "{name}({x}, {y})");
    }
}

#[test]
fn int_operations_on_variables() {
    let mut b = backend();
    compile(&mut b, 0, &trace_of(BINARY, "i1"));
    compile(&mut b, 1, &trace_of(DIVISION, "i1"));
    // Unary operations take one argument: drop the right-hand side.
    compile(&mut b, 2, &trace_of(UNARY, "i1").replace(", i1)", ")"));
    let counts = [0, 1, 5, 62, 63, 64, 65, 127, 128, 1000, i64::MAX];
    for &x in EDGES {
        for &y in EDGES.iter().chain(&counts) {
            check(&b, 0, BINARY, x, y);
            if y != 0 {
                check(&b, 1, DIVISION, x, y);
            }
        }
        check(&b, 2, UNARY, x, 0);
    }
}

#[test]
fn int_operations_on_constants() {
    let mut b = backend();
    let mut id = 0;
    for &y in EDGES.iter().chain(&[128, 1000]) {
        compile(&mut b, id, &trace_of(BINARY, &y.to_string()));
        if y != 0 {
            compile(&mut b, id + 1, &trace_of(DIVISION, &y.to_string()));
        }
        for &x in EDGES {
            check(&b, id, BINARY, x, y);
            if y != 0 {
                check(&b, id + 1, DIVISION, x, y);
            }
        }
        id += 2;
    }
}

#[test]
fn overflow_checked_operations() {
    type Ovf = (&'static str, fn(i64, i64) -> Option<i64>);
    const OPS: &[Ovf] = &[
        ("int_add_ovf", i64::checked_add),
        ("int_sub_ovf", i64::checked_sub),
        ("int_mul_ovf", i64::checked_mul),
    ];
    let mut b = backend();
    for (id, (name, reference)) in OPS.iter().enumerate() {
        let id = id as u32;
        let text =
            format!("[i0, i1]\ni2 = {name}(i0, i1)\nguard_no_overflow() [i1, i0]\nfinish() [i2]\n");
        compile(&mut b, id, &text);
        for &x in EDGES {
            for &y in EDGES {
                let (e, fr) = run(&b, id, &[i(x), i(y)]);
                match reference(x, y) {
                    Some(r) => assert_eq!((e, fr[0] as i64), (exit(id, 1), r), "{name}({x}, {y})"),
                    None => assert_eq!(
                        (e, fr[0], fr[1]),
                        (exit(id, 0), i(y), i(x)),
                        "{name}({x}, {y})"
                    ),
                }
            }
        }
    }
}

const FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    3.25,
    1e300,
    -1e-300,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MIN_POSITIVE,
];

#[test]
fn float_operations() {
    let mut b = backend();
    let text = "\
[f0, f1, i2]
f3 = float_add(f0, f1)
f4 = float_sub(f0, f1)
f5 = float_mul(f0, f1)
f6 = float_truediv(f0, f1)
f7 = float_neg(f0)
f8 = float_abs(f0)
i9 = float_lt(f0, f1)
i10 = float_le(f0, f1)
i11 = float_eq(f0, f1)
i12 = float_ne(f0, f1)
i13 = float_gt(f0, f1)
i14 = float_ge(f0, f1)
f15 = cast_int_to_float(i2)
i16 = float_to_bits(f0)
f17 = bits_to_float(i2)
f18 = float_add(f0, 0.5)
finish() [f3, f4, f5, f6, f7, f8, i9, i10, i11, i12, i13, i14, f15, i16, f17, f18]
";
    compile(&mut b, 0, text);
    let same = |got: u64, want: f64| {
        got == want.to_bits() || (want.is_nan() && f64::from_bits(got).is_nan())
    };
    for &x in FLOATS {
        for &y in FLOATS {
            for &n in &[0i64, -3, i64::MAX, i64::MIN, 0x7ff8_0000_0000_0000] {
                let (e, fr) = run(&b, 0, &[f(x), f(y), i(n)]);
                assert_eq!(e, exit(0, 0));
                let floats = [x + y, x - y, x * y, x / y, -x, x.abs()];
                for (k, want) in floats.iter().enumerate() {
                    assert!(
                        same(fr[k], *want),
                        "op {k} of ({x}, {y}): {}",
                        f64::from_bits(fr[k])
                    );
                }
                let cmps = [x < y, x <= y, x == y, x != y, x > y, x >= y];
                for (k, want) in cmps.iter().enumerate() {
                    assert_eq!(fr[6 + k], *want as u64, "comparison {k} of ({x}, {y})");
                }
                assert_eq!(fr[12], f(n as f64));
                assert_eq!(fr[13], f(x));
                assert_eq!(fr[14], i(n));
                assert!(same(fr[15], x + 0.5));
            }
        }
    }
}

#[test]
fn selects_casts_and_pointer_comparisons() {
    let mut b = backend();
    let text = "\
[i0, p1, p2, f3]
i4 = int_lt(i0, 10)
i5 = select_i(i4, i0, -1)
p6 = select_r(i0, p1, p2)
f7 = select_f(i4, f3, 2.5)
i8 = ptr_eq(p1, p2)
i9 = ptr_ne(p1, p2)
i10 = cast_ptr_to_int(p1)
p11 = cast_int_to_ptr(i0)
i12 = same_as_i(i0)
p13 = same_as_r(p2)
f14 = same_as_f(f3)
i15 = ptr_eq(p1, null)
finish() [i5, p6, f7, i8, i9, i10, p11, i12, p13, f14, i15]
";
    compile(&mut b, 0, text);
    for (x, p, q) in [(3, 16u64, 16u64), (0, 24, 32), (20, 0, 8), (-5, 8, 0)] {
        let (e, fr) = run(&b, 0, &[i(x), p, q, f(1.25)]);
        assert_eq!(e, exit(0, 0));
        let want = [
            i(if x < 10 { x } else { -1 }),
            if x != 0 { p } else { q },
            f(if x < 10 { 1.25 } else { 2.5 }),
            (p == q) as u64,
            (p != q) as u64,
            p,
            i(x),
            i(x),
            q,
            f(1.25),
            (p == 0) as u64,
        ];
        assert_eq!(&fr[..want.len()], &want, "({x}, {p}, {q})");
    }
}
