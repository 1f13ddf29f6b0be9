//! Integer power, true division (against python3), floor division and modulo.

use super::*;
use crate::int_ops::*;

#[test]
fn pow_wraps_and_rejects_negative_exponents() {
    let _g = lock();
    unsafe {
        assert_eq!(rpy_int_pow(2, 10), 1024);
        assert_eq!(rpy_int_pow(-3, 3), -27);
        assert_eq!(rpy_int_pow(0, 0), 1);
        assert_eq!(rpy_int_pow(7, 0), 1);
        assert_eq!(rpy_int_pow(2, 63), i64::MIN);
        assert_eq!(rpy_int_pow(2, 64), 0);
        assert_eq!(rpy_int_pow(3, 50), 3i64.wrapping_pow(50));
        assert_eq!(rpy_int_pow(-1, i64::MAX), -1);
        rpy_int_pow(2, -1);
        expect_exc(
            "ValueError",
            "negative exponent in an integer power is not supported (rpy ints are 64-bit); use a float",
        );
    }
}

#[test]
fn floordiv_and_mod_follow_python() {
    let _g = lock();
    let vals = [
        -7i64,
        -3,
        -1,
        0,
        1,
        2,
        3,
        7,
        i64::MIN,
        i64::MAX,
        i64::MIN + 1,
    ];
    for &a in &vals {
        for &b in &vals {
            if b == 0 {
                continue;
            }
            let (q, r) = unsafe { (rpy_int_floordiv(a, b), rpy_int_mod(a, b)) };
            if a == i64::MIN && b == -1 {
                assert_eq!((q, r), (i64::MIN, 0));
                continue;
            }
            let (ea, eb) = (a as i128, b as i128);
            let eq = ea.div_euclid(eb)
                - if eb < 0 && ea.rem_euclid(eb) != 0 {
                    1
                } else {
                    0
                };
            assert_eq!(q as i128, eq, "{a} // {b}");
            assert_eq!(r as i128, ea - eb * eq, "{a} % {b}");
        }
    }
    unsafe {
        rpy_int_floordiv(1, 0);
        expect_exc("ZeroDivisionError", "integer division or modulo by zero");
        rpy_int_mod(1, 0);
        expect_exc("ZeroDivisionError", "integer division or modulo by zero");
        rpy_int_truediv(1, 0);
        expect_exc("ZeroDivisionError", "division by zero");
    }
}

#[test]
fn truediv_matches_python() {
    let mut rng = Rng(99);
    let mut pairs: Vec<(i64, i64)> = vec![
        (0, -5),
        (0, 5),
        (1, 3),
        (-1, 3),
        (i64::MIN, -1),
        (i64::MIN, 1),
        (i64::MAX, 3),
        (i64::MIN, i64::MAX),
        (1, i64::MIN),
        ((1 << 53) + 1, 1),
        ((1 << 54) + 3, 2),
        (9007199254740993, 3),
        (3, 9007199254740993),
    ];
    for _ in 0..5000 {
        let a = (rng.next() as i64) >> rng.below(64);
        let b = (rng.next() as i64) >> rng.below(64);
        if b != 0 {
            pairs.push((a, b));
        }
    }
    let stdin: String = pairs.iter().map(|(a, b)| format!("{a} {b}\n")).collect();
    let script = "import sys, struct\nw = sys.stdin.read().split()\n\
        print('\\n'.join(struct.pack('<d', int(a) / int(b)).hex() for a, b in zip(w[::2], w[1::2])))";
    let Some(out) = python(script, &stdin) else {
        return;
    };
    for ((a, b), w) in pairs.iter().zip(out.lines()) {
        assert_eq!(hex(&int_truediv(*a, *b).to_le_bytes()), w, "{a} / {b}");
    }
}
