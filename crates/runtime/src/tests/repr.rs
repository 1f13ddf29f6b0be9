//! `repr()` of strs and floats against python3.

use super::*;
use crate::float_repr::float_repr;
use crate::str_repr::rpy_str_repr;
use crate::strobj::{str_from_code_points, to_utf8};

#[test]
fn str_repr_examples() {
    let _g = lock();
    let cases = [
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'"),
        (
            "a\\b\n\r\t\x00\x7f\u{85}\u{a0}é",
            "'a\\\\b\\n\\r\\t\\x00\\x7f\\x85\\xa0é'",
        ),
        (
            "€\u{200b}\u{2028}\u{e000}😀\u{10ffff}",
            "'€\\u200b\\u2028\\ue000😀\\U0010ffff'",
        ),
        ("", "''"),
    ];
    for (src, want) in cases {
        assert_eq!(text(unsafe { rpy_str_repr(s(src)) }), want);
    }
}

/// Every code point, in blocks of 256 per string, against python3's repr.
#[test]
fn str_repr_matches_python_for_all_code_points() {
    let _g = lock();
    let script = "import sys\nfor b in range(0x110000 // 256):\n    \
        sys.stdout.buffer.write(repr(''.join(map(chr, range(b * 256, b * 256 + 256)))).encode() + b'\\n')";
    let Some(out) = python(script, "") else {
        return;
    };
    let lines: Vec<&str> = out.split('\n').collect();
    assert_eq!(lines.len(), 0x110000 / 256 + 1);
    for (b, want) in lines.iter().take(0x110000 / 256).enumerate() {
        let cps: Vec<u32> = (b as u32 * 256..b as u32 * 256 + 256).collect();
        let r = unsafe { rpy_str_repr(str_from_code_points(&cps)) };
        let got = to_utf8(unsafe { crate::strobj::chars(r) });
        assert_eq!(String::from_utf8_lossy(&got), *want, "block {b:#x}");
    }
}

#[test]
fn float_repr_examples() {
    let cases = [
        (0.1 + 0.2, "0.30000000000000004"),
        (1e16, "1e+16"),
        (1.5e-7, "1.5e-07"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (123456789012345.0, "123456789012345.0"),
        (1.2345678901234567e19, "1.2345678901234567e+19"),
        (-0.0, "-0.0"),
        (0.0, "0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-f64::NAN, "nan"),
        (100.0, "100.0"),
        (1e100, "1e+100"),
        (5e-324, "5e-324"),
        (9999999999999998.0, "9999999999999998.0"),
        (1e15, "1000000000000000.0"),
        (-1.5, "-1.5"),
        (f64::MAX, "1.7976931348623157e+308"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want);
    }
}

/// Random bit patterns, random decimals, powers of ten and integers against python3.
#[test]
fn float_repr_matches_python() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut values: Vec<f64> = Vec::new();
    for _ in 0..6000 {
        values.push(f64::from_bits(rng.next()));
    }
    for _ in 0..4000 {
        let digits = 1 + rng.below(17) as u32;
        let mantissa = rng.below(10u64.pow(digits));
        let exp = rng.below(60) as i32 - 30;
        values.push(format!("{mantissa}e{exp}").parse().unwrap());
    }
    for e in -330..=310 {
        values.push(format!("1e{e}").parse().unwrap());
        values.push(format!("-3.5e{e}").parse().unwrap());
    }
    for i in 0..2000 {
        values.push(rng.next() as i64 as f64 / (1u64 << rng.below(64)) as f64);
        values.push((i as i64 * i as i64 * 7919) as f64);
        values.push(i as f64 / 64.0);
    }
    // Exact binary fractions near 2**53 often sit halfway between two shortest
    // candidates: CPython then picks the even last digit.
    for _ in 0..4000 {
        let m = (rng.next() >> 11) as f64;
        values.push(m / (1u64 << rng.below(12)) as f64 * 10f64.powi(rng.below(5) as i32 - 2));
    }
    let input: String = values
        .iter()
        .map(|v| format!("{:016x}\n", v.to_bits()))
        .collect();
    let script = "import sys, struct\nprint('\\n'.join(repr(struct.unpack('<d', \
        int(l, 16).to_bytes(8, 'little'))[0]) for l in sys.stdin.read().split()))";
    let Some(out) = python(script, &input) else {
        return;
    };
    let want: Vec<&str> = out.lines().collect();
    assert_eq!(want.len(), values.len());
    for (x, w) in values.iter().zip(want) {
        assert_eq!(float_repr(*x), w, "bits {:016x}", x.to_bits());
    }
}
